using System.Formats.Tar;
using System.IO.Compression;
using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

public sealed class CifarArchiveTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Archive_holds_the_batches_under_the_official_folder_name_and_reads_back_the_same_data()
    {
        var folder = temp.Combine("synthetic");
        SyntheticCifar.Write(folder, trainCount: 20, testCount: 5);

        var path = CifarArchive.Write(folder, temp.Combine("out", "cifar-10-binary.tar.gz"));

        var names = new List<string>();
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                names.Add(entry.Name);
            }
        }

        Assert.Contains("cifar-10-batches-bin/data_batch_1.bin", names);
        Assert.Contains("cifar-10-batches-bin/test_batch.bin", names);
        Assert.Contains("cifar-10-batches-bin/batches.meta.txt", names);
        var fromArchive = CifarReader.ReadArchive(path);
        var fromFolder = CifarReader.ReadFolder(folder);
        Assert.Equal(fromFolder.Train.Labels, fromArchive.Train.Labels);
        Assert.Equal(fromFolder.Train.Pixels, fromArchive.Train.Pixels);
        Assert.Equal(fromFolder.Test.Pixels, fromArchive.Test.Pixels);
        Assert.Equal(fromFolder.ClassNames, fromArchive.ClassNames);
        Assert.Empty(Directory.GetFiles(temp.Combine("out"), "*.tmp"));
    }
}
