namespace DeepCnn.Data;

/// <summary>
/// The CIFAR-10 binary layout: one label byte, then 1,024 red, 1,024 green and 1,024 blue bytes (row-major 32x32).
/// Copies in this layout may have their own classes: <c>batches.meta.txt</c> lists them, one per line, and a label
/// is a class's line number counted from 0.
/// </summary>
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

    /// <summary>The most classes a data set in this layout can have: a label is one byte.</summary>
    public const int MaxClasses = 256;

    /// <summary>The fewest classes a data set must have for a classifier to learn anything.</summary>
    public const int MinClasses = 2;

    /// <summary>Images in each of CIFAR-10's six batch files.</summary>
    public const int Cifar10ImagesPerFile = 10_000;

    /// <summary>CIFAR-10's ten class names, in label order, as its batches.meta.txt lists them.</summary>
    public static IReadOnlyList<string> Cifar10ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

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
