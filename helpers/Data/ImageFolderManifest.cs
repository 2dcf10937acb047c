namespace DeepCnn.Data;

/// <summary>
/// What a decoded image folder in the cache was made from; written last, so a cache entry without it (a decoder that was
/// stopped half-way) is decoded again.
/// </summary>
/// <param name="FormatVersion">Version of the cache layout (<see cref="ImageFolderSource.CacheFormatVersion"/>).</param>
/// <param name="Key">The key of the files it was decoded from: their names, sizes and times, and the split settings.</param>
/// <param name="Source">The image folder, full path.</param>
/// <param name="ClassNames">The classes, in label order.</param>
/// <param name="TrainCount">Training images written.</param>
/// <param name="TestCount">Test images written.</param>
/// <param name="Skipped">Files left out, and why.</param>
internal sealed record ImageFolderManifest(
    int FormatVersion, string Key, string Source, IReadOnlyList<string> ClassNames, int TrainCount, int TestCount, IReadOnlyList<SkippedFile> Skipped);
