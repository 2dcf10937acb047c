using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeepCnn.Tests;

/// <summary>
/// Writes PNG files in colour modes that SkiaSharp's encoder does not produce (palette, 16-bit, grey with alpha), so that
/// tests can feed a decoder every mode a reader's photos may come in. Rows are stored unfiltered; nothing else is needed.
/// Depends on the BCL only, so any test project can link it.
/// </summary>
internal static class PngFile
{
    /// <summary>PNG colour types (the IHDR field).</summary>
    public enum Colour : byte
    {
        Grey = 0,
        Rgb = 2,
        Palette = 3,
        GreyAlpha = 4,
        Rgba = 6,
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>
    /// A PNG of <paramref name="width"/> x <paramref name="height"/> whose samples (row by row, channels interleaved, 16-bit
    /// samples big-endian) are <paramref name="samples"/>; <paramref name="palette"/> (RGB triples) for <see cref="Colour.Palette"/>.
    /// </summary>
    public static byte[] Encode(int width, int height, Colour colour, int bitDepth, byte[] samples, byte[]? palette = null)
    {
        var channels = colour switch { Colour.Grey or Colour.Palette => 1, Colour.GreyAlpha => 2, Colour.Rgb => 3, _ => 4 };
        var rowBytes = width * channels * bitDepth / 8;
        if (samples.Length != rowBytes * height)
        {
            throw new ArgumentException($"{samples.Length} sample bytes for {width}x{height} {colour} at {bitDepth} bits; expected {rowBytes * height}.");
        }

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(samples, y * rowBytes, rowBytes);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colour;
        Chunk(png, "IHDR", header);
        if (palette is not null)
        {
            Chunk(png, "PLTE", palette);
        }

        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> picture of one value per channel (16-bit values for depth 16).</summary>
    public static byte[] Solid(int width, int height, int bitDepth, params int[] channelValues)
    {
        var bytesPerSample = bitDepth / 8;
        var samples = new byte[width * height * channelValues.Length * bytesPerSample];
        for (var i = 0; i < width * height; i++)
        {
            for (var c = 0; c < channelValues.Length; c++)
            {
                var at = (i * channelValues.Length + c) * bytesPerSample;
                if (bytesPerSample == 2)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(samples.AsSpan(at), (ushort)channelValues[c]);
                }
                else
                {
                    samples[at] = (byte)channelValues[c];
                }
            }
        }

        return samples;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    private static uint Crc(uint crc, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }
}
