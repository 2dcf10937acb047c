using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

[Collection(SourceEnvironmentCollection.Name)]
public sealed class Cifar10SourceTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string? savedEnvironment = Environment.GetEnvironmentVariable(Cifar10Source.EnvironmentVariable);

    // Each test starts with the variable unset, whatever the machine has.
    public Cifar10SourceTests() => Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, null);

    private string Cache => temp.Combine("cache");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, savedEnvironment);
        temp.Dispose();
    }

    [Fact]
    public async Task Source_url_is_downloaded_into_the_cache_and_read_from_the_archive()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);

        var source = Cifar10Source.Resolve(Options(archive, server.Url.ToString()));
        var data = await source.LoadAsync();

        Assert.Equal(Cifar10SourceKind.Download, source.Kind);
        Assert.Equal("options", source.ChosenBy);
        Assert.Single(server.Requests);
        Assert.True(File.Exists(source.CachePath));
        Assert.Equal(source.CachePath, data.Origin.Location);
        Assert.Equal(archive.TrainCount, data.Train.Count);
        Assert.Equal(archive.TestCount, data.Test.Count);
    }

    [Fact]
    public async Task Source_archive_is_verified_and_read_without_extracting_it()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);

        var source = Cifar10Source.Resolve(Options(archive, archive.Path));
        var data = await source.LoadAsync();

        Assert.Equal(Cifar10SourceKind.Archive, source.Kind);
        Assert.Equal(archive.Path, source.Location);
        Assert.Equal(archive.Path, data.Origin.Location);
        Assert.Equal(archive.TrainCount, data.Train.Count);
        Assert.Equal(archive.TestCount, data.Test.Count);
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(archive.Path)!));
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public async Task Source_archive_with_a_wrong_checksum_is_rejected_with_both_values()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var other = await TestArchive.CreateAsync(temp.Combine("other"), trainCount: 20, testCount: 5);

        var error = await Assert.ThrowsAsync<CifarFormatException>(() => Cifar10Source.LoadAsync(Options(archive, other.Path)));

        Assert.Equal(other.Path, error.File);
        Assert.Contains(archive.Checksum.Sha256, error.Message);
        Assert.Contains(other.Checksum.Sha256, error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Source_folder_is_read_as_it_is(bool batchesFolderItself)
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var folder = batchesFolderItself ? Path.Combine(archive.Folder, CifarLayout.FolderName) : archive.Folder;

        var source = Cifar10Source.Resolve(Options(archive, folder));
        var data = await source.LoadAsync();

        Assert.Equal(Cifar10SourceKind.Folder, source.Kind);
        Assert.Equal(Path.GetFullPath(folder), source.Location);
        Assert.Equal(archive.TrainCount, data.Train.Count);
        Assert.Equal(archive.TestCount, data.Test.Count);
    }

    [Fact]
    public async Task Source_marks_synthetic_data_as_synthetic_whichever_way_it_came()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);

        var data = await Cifar10Source.LoadAsync(Options(archive, archive.Folder));

        Assert.True(data.Origin.IsSynthetic);
        Assert.DoesNotContain("CIFAR-10,", data.Origin.Description);
    }

    [Fact]
    public async Task Source_comes_from_the_environment_variable_when_the_option_is_unset()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, archive.Path);

        var source = Cifar10Source.Resolve(Options(archive, source: null));
        var data = await source.LoadAsync();

        Assert.Equal(Cifar10SourceKind.Archive, source.Kind);
        Assert.Equal(Cifar10Source.EnvironmentVariable, source.ChosenBy);
        Assert.Contains(archive.Path, source.Describe());
        Assert.Contains(Cifar10Source.EnvironmentVariable, source.Describe());
        Assert.Equal(archive.TrainCount, data.Train.Count);
    }

    [Fact]
    public async Task Source_environment_variable_may_name_a_mirror_url()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, server.Url.ToString());

        var source = Cifar10Source.Resolve(Options(archive, source: null));
        var data = await source.LoadAsync();

        Assert.Equal(Cifar10SourceKind.Download, source.Kind);
        Assert.Equal(server.Url.ToString(), source.Location);
        Assert.Single(server.Requests);
        Assert.Equal(archive.TestCount, data.Test.Count);
    }

    [Fact]
    public async Task Source_option_wins_over_the_environment_variable()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, temp.Combine("nowhere"));

        var source = Cifar10Source.Resolve(Options(archive, archive.Folder));

        Assert.Equal(Cifar10SourceKind.Folder, source.Kind);
        Assert.Equal("options", source.ChosenBy);
    }

    [Fact]
    public void Source_defaults_to_downloading_the_official_archive_into_the_cache_folder()
    {
        var source = Cifar10Source.Resolve(new Cifar10SourceOptions(Cache));

        Assert.Equal(Cifar10SourceKind.Download, source.Kind);
        Assert.Equal("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", source.Location);
        Assert.Equal("default", source.ChosenBy);
        Assert.Equal(Path.Combine(Path.GetFullPath(Cache), "cifar-10-binary.tar.gz"), source.CachePath);
        Assert.Contains(source.Location, source.Describe());
        Assert.Contains(source.CachePath, source.Describe());
        Assert.Contains("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", source.Describe());
    }

    [Fact]
    public void Source_that_does_not_exist_names_the_setting_and_what_was_expected()
    {
        var missing = temp.Combine("no-such-archive.tar.gz");
        Environment.SetEnvironmentVariable(Cifar10Source.EnvironmentVariable, missing);

        var error = Assert.Throws<FileNotFoundException>(() => Cifar10Source.Resolve(new Cifar10SourceOptions(Cache)));

        Assert.Contains(Cifar10Source.EnvironmentVariable, error.Message);
        Assert.Contains(missing, error.Message);
        Assert.Contains("http(s) URL", error.Message);
    }

    private Cifar10SourceOptions Options(TestArchive archive, string? source) => new(Cache)
    {
        Source = source,
        Expected = archive.Checksum,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };
}
