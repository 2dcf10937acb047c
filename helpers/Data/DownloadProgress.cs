namespace DeepCnn.Data;

/// <summary>
/// How far a long load has got: a download (bytes so far of the whole file), or, with <see cref="Activity"/> and
/// <see cref="Detail"/> set, another step that loading data takes, such as decoding an image folder (files so far of all).
/// </summary>
/// <param name="BytesReceived">Bytes of the file on disk so far, including any kept from an earlier, interrupted attempt (or items done).</param>
/// <param name="TotalBytes">The whole file's length, when known (or the number of items).</param>
/// <param name="BytesPerSecond">Average speed of the current transfer (or items per second).</param>
public sealed record DownloadProgress(long BytesReceived, long? TotalBytes, double BytesPerSecond)
{
    /// <summary>What is being done, for a progress bar's title; null for a download.</summary>
    public string? Activity { get; init; }

    /// <summary>How far it has got, in words; null for a download, which says it in megabytes.</summary>
    public string? Detail { get; init; }

    /// <summary>Share done, 0..1, when the total is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesReceived / total : null;

    /// <summary>True once every byte has arrived.</summary>
    public bool IsComplete => TotalBytes is { } total && BytesReceived >= total;

    /// <inheritdoc />
    public override string ToString() =>
        Detail
        ?? (TotalBytes is { } total
            ? $"{BytesReceived / 1e6:F1} / {total / 1e6:F1} MB ({Fraction:P0}) at {BytesPerSecond / 1e6:F1} MB/s"
            : $"{BytesReceived / 1e6:F1} MB at {BytesPerSecond / 1e6:F1} MB/s");
}
