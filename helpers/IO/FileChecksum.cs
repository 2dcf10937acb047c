using System.Security.Cryptography;

namespace DeepCnn.IO;

/// <summary>What identifies one exact file: its length, its SHA-256 and, where a publisher gives one, its MD5 (hex digests, lower case).</summary>
public sealed record FileChecksum
{
    /// <summary>Creates a checksum; digests are hex strings in either case.</summary>
    public FileChecksum(long length, string sha256, string? md5 = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        Length = length;
        Sha256 = sha256.Trim().ToLowerInvariant();
        Md5 = md5?.Trim().ToLowerInvariant();
    }

    /// <summary>File length in bytes.</summary>
    public long Length { get; }

    /// <summary>SHA-256 as 64 lower-case hex digits.</summary>
    public string Sha256 { get; }

    /// <summary>MD5 as 32 lower-case hex digits, or null when it is not to be checked.</summary>
    public string? Md5 { get; }

    /// <summary>Measures <paramref name="path"/>: length, SHA-256 and MD5 in one pass over the file.</summary>
    public static async Task<FileChecksum> ComputeAsync(string path, CancellationToken ct = default)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var buffer = new byte[1 << 20];
        long length = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
            length += read;
        }

        return new FileChecksum(length, Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    /// <summary>True when <paramref name="actual"/> has this length and SHA-256, and this MD5 where one is expected.</summary>
    public bool IsMatchedBy(FileChecksum actual) =>
        actual.Length == Length && actual.Sha256 == Sha256 && (Md5 is null || actual.Md5 == Md5);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Length:N0} bytes, SHA-256 {Sha256}" + (Md5 is null ? "" : $", MD5 {Md5}");
}
