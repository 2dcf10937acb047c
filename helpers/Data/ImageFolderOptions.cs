namespace DeepCnn.Data;

/// <summary>Where a folder of a reader's own images is, where its decoded copy is cached, and how it is split.</summary>
/// <param name="Folder">
/// The image folder: <c>train/</c> and <c>test/</c>, each with one subfolder per class, or just one subfolder per class
/// (then <see cref="TestFraction"/> of each class becomes the test split). Relative paths count from the current folder.
/// </param>
/// <param name="CacheFolder">The cache; the decoded images go to <c>image-folders/</c> inside it.</param>
public sealed record ImageFolderOptions(string Folder, string CacheFolder)
{
    /// <summary>
    /// The share of each class's images that becomes the test split when the folder has no <c>train/</c> and <c>test/</c>
    /// (at least one image per class, and at least one left for training).
    /// </summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the split: which images a class gives to the test split follows from it and each file's name.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How long to wait while another process decodes the same folder into the same cache.</summary>
    public TimeSpan WaitForOtherDecoder { get; init; } = TimeSpan.FromMinutes(30);
}
