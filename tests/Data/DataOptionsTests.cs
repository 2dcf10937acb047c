using DeepCnn.Configuration;
using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

public sealed class DataOptionsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_image_folder_data_set_without_its_folder_is_an_error_naming_the_option_and_its_variable()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => new DataOptions { DataSet = DataSetKind.ImageFolder }.Validate());

        Assert.Contains("DataOptions.ImageFolder", error.Message);
        Assert.Contains("ALEXNET_IMAGE_FOLDER", error.Message);
        Assert.Contains("one subfolder per class", error.Message);
    }

    [Fact]
    public void Environment_variables_choose_an_image_folder_and_its_split()
    {
        var options = EnvironmentOverrides.Apply(new DataOptions(), new Dictionary<string, string>
        {
            ["ALEXNET_DATA_SET"] = "imagefolder",
            ["ALEXNET_IMAGE_FOLDER"] = "/photos",
            ["ALEXNET_IMAGE_FOLDER_TEST_FRACTION"] = "0.25",
            ["ALEXNET_IMAGE_FOLDER_SEED"] = "7",
        }, _ => { });

        Assert.Equal(DataSetKind.ImageFolder, options.DataSet);
        Assert.Equal(new ImageFolderOptions("/photos", "data") { TestFraction = 0.25, Seed = 7 }, options.ImageFolderSettings());
    }

    [Fact]
    public void Quick_profile_keeps_an_image_folder_but_turns_cifar_10_into_synthetic_data()
    {
        var folder = new DataOptions { DataSet = DataSetKind.ImageFolder, ImageFolder = "/photos", CacheFolder = "../data" }.For(RunProfile.Quick);
        var cifar = new DataOptions { CacheFolder = "../data" }.For(RunProfile.Quick);

        Assert.Equal(DataSetKind.ImageFolder, folder.DataSet);
        Assert.Equal(Path.Combine("../data", "quick"), folder.CacheFolder);
        Assert.Equal(768, folder.TrainSubset);
        Assert.Equal(DataSetKind.Synthetic, cifar.DataSet);
    }

    [Fact]
    public void A_variable_chooses_a_data_set_after_the_quick_profile_so_a_local_copy_runs_quickly()
    {
        var options = EnvironmentOverrides.Apply(new DataOptions(), new Dictionary<string, string>
        {
            ["ALEXNET_PROFILE"] = "quick",
            ["ALEXNET_DATA_SET"] = "cifar10",
        }, _ => { });

        Assert.Equal(DataSetKind.Cifar10, options.DataSet);
        Assert.Equal(768, options.TrainSubset);
    }

    [Fact]
    public async Task An_image_folder_loads_through_the_options_cut_to_the_subsets_and_named_by_its_folder()
    {
        ImageFolderSample.Write(temp.Combine("class photos"), specials: false);
        var options = new DataOptions
        {
            DataSet = DataSetKind.ImageFolder,
            ImageFolder = temp.Combine("class photos"),
            CacheFolder = temp.Combine("cache"),
            TrainSubset = 10,
        };

        var data = await options.LoadAsync();

        Assert.Equal(10, data.Train.Count);
        Assert.Equal("'class photos' (image folder)", data.Origin.Name);
        Assert.Contains(temp.Combine("class photos"), options.Describe());
        Assert.True(Directory.Exists(temp.Combine("cache", ImageFolderSource.CacheSubfolder)));
    }
}
