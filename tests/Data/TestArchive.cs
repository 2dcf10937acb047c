using DeepCnn.Data;
using DeepCnn.IO;

namespace DeepCnn.Tests.Data;

/// <summary>A small archive in the exact layout of cifar-10-binary.tar.gz, filled with synthetic images.</summary>
internal sealed record TestArchive(string Path, string Folder, byte[] Bytes, FileChecksum Checksum, int TrainCount, int TestCount)
{
    /// <summary>Writes synthetic batches under <paramref name="root"/>/synthetic and packs them into <paramref name="root"/>/served/.</summary>
    public static async Task<TestArchive> CreateAsync(string root, int trainCount = 50, int testCount = 10)
    {
        var folder = System.IO.Path.Combine(root, "synthetic");
        SyntheticCifar.Write(folder, trainCount, testCount);
        var path = CifarArchive.Write(folder, System.IO.Path.Combine(root, "served", Cifar10DownloadOptions.ArchiveFileName));
        return new TestArchive(path, folder, await File.ReadAllBytesAsync(path), await FileChecksum.ComputeAsync(path), trainCount, testCount);
    }
}
