namespace DeepCnn.IO;

/// <summary>
/// CRC-32 as gzip and zip use it (IEEE 802.3, reflected, polynomial 0xEDB88320). The BCL keeps its own copy
/// internal, and a package for it would need a <c>#r "nuget:"</c> line in every notebook that loads this library.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>The CRC of the bytes so far (start from 0) extended by <paramref name="bytes"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        var c = ~crc;
        foreach (var b in bytes)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }
}
