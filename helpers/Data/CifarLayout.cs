namespace DeepCnn.Data;

/// <summary>The CIFAR-10 binary layout: one label byte, then 1,024 red, 1,024 green and 1,024 blue bytes (row-major 32x32).</summary>
public static class CifarLayout
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;

    /// <summary>Colour channels (R, G, B planes).</summary>
    public const int Channels = 3;

    /// <summary>Pixel bytes per image.</summary>
    public const int ImageBytes = Channels * Side * Side;

    /// <summary>Bytes per record: the label byte plus the pixels.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    /// <summary>The most images one split can hold: its pixels live in one .NET array.</summary>
    public const int MaxImagesPerSplit = int.MaxValue / ImageBytes;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>The folder inside the archive that holds the batch files.</summary>
    public const string FolderName = "cifar-10-batches-bin";

    /// <summary>Training batch files, in order.</summary>
    public static IReadOnlyList<string> TrainFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>The test batch file.</summary>
    public const string TestFile = "test_batch.bin";

    /// <summary>The file with one class name per line.</summary>
    public const string MetaFile = "batches.meta.txt";
}
