using DeepCnn.Data;
using DeepCnn.IO;

namespace DeepCnn.Tests.Data;

[Collection(SourceEnvironmentCollection.Name)]
public sealed class DataOriginTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string? savedEnvironment = Environment.GetEnvironmentVariable(Cifar10Source.EnvironmentVariable);

    public DataOriginTests() => Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, null);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, savedEnvironment);
        temp.Dispose();
    }

    [Fact]
    public async Task An_extracted_folder_with_cifar_10_file_sizes_and_class_names_is_cifar_10()
    {
        var folder = CifarLayoutCopy.WriteCifar10Sized(temp.Path, "cifar-copy", CifarLayoutCopy.Cifar10ClassNames);

        var data = await Cifar10Source.LoadAsync(new Cifar10SourceOptions(temp.Combine("cache")) { Source = folder });

        Assert.Equal(DataOriginKind.Cifar10, data.Origin.Kind);
        Assert.True(data.Origin.IsCifar10);
        Assert.Equal("CIFAR-10", data.Origin.Name);
        Assert.Contains("verified by its contents", data.Origin.Description);
        Assert.Equal(50_000, data.Origin.TrainCount);
        Assert.Equal(10_000, data.Origin.TestCount);
    }

    [Fact]
    public void A_folder_with_cifar_10_file_sizes_but_other_class_names_is_named_by_its_folder()
    {
        string[] names = [.. CifarLayoutCopy.Cifar10ClassNames.Take(9), "lorry"];
        var folder = CifarLayoutCopy.WriteCifar10Sized(temp.Path, "almost", names);

        var data = CifarReader.ReadFolder(folder);

        Assert.Equal(DataOriginKind.CifarLayoutCopy, data.Origin.Kind);
        Assert.Equal("'almost' (CIFAR-10 layout, not verified as CIFAR-10)", data.Origin.Name);
        Assert.Contains("its class names are not CIFAR-10's", data.Origin.Description);
        Assert.DoesNotContain("batch files are not", data.Origin.Description);
    }

    [Fact]
    public void A_folder_with_cifar_10_class_names_but_other_file_sizes_is_named_by_its_folder()
    {
        var folder = CifarLayoutCopy.WriteCifar10Sized(temp.Path, "short", CifarLayoutCopy.Cifar10ClassNames, recordsInTestFile: 9_999);

        var data = CifarReader.ReadFolder(Path.Combine(folder, CifarLayout.FolderName));

        Assert.Equal(DataOriginKind.CifarLayoutCopy, data.Origin.Kind);
        Assert.Equal("short", data.Origin.Label);
        Assert.Contains("1 of its 6 batch files are not CIFAR-10's size (test_batch.bin holds 9,999 images", data.Origin.Description);
    }

    [Fact]
    public async Task A_copy_is_named_by_its_folder_its_class_names_and_its_split_sizes_never_as_cifar_10()
    {
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", ["owl", "cat", "fox"], [40, 12, 25], [9, 3, 6]);

        var data = await Cifar10Source.LoadAsync(new Cifar10SourceOptions(temp.Combine("cache")) { Source = folder });

        Assert.Equal(DataOriginKind.CifarLayoutCopy, data.Origin.Kind);
        Assert.False(data.Origin.IsCifar10);
        Assert.Equal("'mycopy' (CIFAR-10 layout, not verified as CIFAR-10)", data.Origin.Name);
        Assert.Contains("77 train / 18 test images, 3 classes (owl, cat, fox)", data.Origin.Description);
        Assert.StartsWith("'mycopy' (CIFAR-10 layout, not verified as CIFAR-10): 77 train / 18 test images", data.ToString());
        Assert.Equal([40, 12, 25], data.Train.ClassCounts(3));
    }

    [Fact]
    public async Task An_archive_verified_against_a_checksum_other_than_the_published_one_is_not_cifar_10()
    {
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", ["owl", "cat"], [10, 10], [3, 3]);
        var archive = CifarArchive.Write(folder, temp.Combine("served", "class-set.tar.gz"));
        var options = new Cifar10SourceOptions(temp.Combine("cache")) { Source = archive, Expected = await FileChecksum.ComputeAsync(archive) };

        var data = await Cifar10Source.LoadAsync(options);

        Assert.Equal(DataOriginKind.CifarLayoutCopy, data.Origin.Kind);
        Assert.Equal("'class-set' (CIFAR-10 layout, not verified as CIFAR-10)", data.Origin.Name);
    }

    [Fact]
    public void An_origin_stored_before_it_said_what_the_data_is_is_refused_rather_than_read_as_cifar_10()
    {
        const string Stored = """{"IsSynthetic": true, "Location": "/data/synthetic", "Name": "SYNTHETIC (not CIFAR-10)"}""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<DataOrigin>(Stored));

        Assert.Contains("Kind", error.Message);
    }

    [Fact]
    public void An_origin_survives_a_json_round_trip()
    {
        var origin = new DataOrigin(DataOriginKind.ImageFolder, "/photos", "photos", ["a", "b"], 8, 2, "split") { Skipped = [new SkippedFile("a/x.jpg", "cut short")] };

        var loaded = System.Text.Json.JsonSerializer.Deserialize<DataOrigin>(System.Text.Json.JsonSerializer.Serialize(origin))!;

        Assert.Equal(origin.Description, loaded.Description);
        Assert.Equal(origin.Skipped, loaded.Skipped);
    }

    [Fact]
    public void Origins_are_the_same_data_when_both_are_cifar_10_or_both_come_from_one_place_with_the_same_classes()
    {
        DataOrigin Of(DataOriginKind kind, string location, params string[] names) => new(kind, location, "x", names, 10, 2, "");
        Assert.True(Of(DataOriginKind.Cifar10, "/a").IsSameDataAs(Of(DataOriginKind.Cifar10, "/b")));
        Assert.True(Of(DataOriginKind.ImageFolder, "/p", "a", "b").IsSameDataAs(Of(DataOriginKind.ImageFolder, "/p", "a", "b")));
        Assert.False(Of(DataOriginKind.ImageFolder, "/p", "a", "b").IsSameDataAs(Of(DataOriginKind.ImageFolder, "/q", "a", "b")));
        Assert.False(Of(DataOriginKind.ImageFolder, "/p", "a", "b").IsSameDataAs(Of(DataOriginKind.ImageFolder, "/p", "a", "c")));
        Assert.False(Of(DataOriginKind.CifarLayoutCopy, "/p", "a", "b").IsSameDataAs(Of(DataOriginKind.Cifar10, "/p", "a", "b")));
    }
}
