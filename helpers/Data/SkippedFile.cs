namespace DeepCnn.Data;

/// <summary>A file of an image folder that was left out, and why (it could not be decoded as an image, say).</summary>
/// <param name="Path">The file, relative to the image folder, with '/' between folders.</param>
/// <param name="Reason">Why it was left out, in words.</param>
public sealed record SkippedFile(string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Reason})";
}
