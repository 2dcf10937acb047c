namespace DeepCnn.Data;

/// <summary>How far a download has got.</summary>
/// <param name="BytesReceived">Bytes of the file on disk so far, including any kept from an earlier, interrupted attempt.</param>
/// <param name="TotalBytes">The whole file's length, when known.</param>
/// <param name="BytesPerSecond">Average speed of the current transfer.</param>
public sealed record DownloadProgress(long BytesReceived, long? TotalBytes, double BytesPerSecond)
{
    /// <summary>Share done, 0..1, when the total is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesReceived / total : null;

    /// <summary>True once every byte has arrived.</summary>
    public bool IsComplete => TotalBytes is { } total && BytesReceived >= total;

    /// <inheritdoc />
    public override string ToString() =>
        TotalBytes is { } total
            ? $"{BytesReceived / 1e6:F1} / {total / 1e6:F1} MB ({Fraction:P0}) at {BytesPerSecond / 1e6:F1} MB/s"
            : $"{BytesReceived / 1e6:F1} MB at {BytesPerSecond / 1e6:F1} MB/s";
}
