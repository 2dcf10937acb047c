using System.Buffers.Binary;
using System.IO.Compression;

namespace DeepCnn.IO;

/// <summary>
/// Decompresses a single-member .gz file and, once read to its end, checks the CRC-32 and length its trailer
/// promises. <see cref="GZipStream"/> alone lets a truncated file or a damaged trailer through, and a reader
/// that stops at the last record it needs never reaches the trailer at all; <see cref="ReadToEndAndVerify"/> does.
/// </summary>
internal sealed class VerifiedGzipStream : Stream
{
    private const int TrailerBytes = 8;
    private const int SmallestGzipBytes = 18; // a 10-byte header and the 8-byte trailer

    private readonly GZipStream gzip;
    private readonly uint expectedCrc;
    private readonly uint expectedLength;
    private uint crc;
    private long length;

    /// <summary>Reads the trailer of <paramref name="file"/> (which must be seekable), then decompresses from its start.</summary>
    /// <exception cref="InvalidDataException">The file is too short to be a gzip file, or does not start like one.</exception>
    public VerifiedGzipStream(Stream file)
    {
        if (file.Length < SmallestGzipBytes)
        {
            throw new InvalidDataException($"{file.Length:N0} bytes is too short for a gzip file (at least {SmallestGzipBytes})");
        }

        Span<byte> signature = stackalloc byte[2];
        file.ReadExactly(signature);
        if (signature is not [0x1f, 0x8b])
        {
            throw new InvalidDataException(
                $"it is not gzip data: it starts with bytes {signature[0]:x2} {signature[1]:x2}, not the gzip signature 1f 8b (an HTML error page or another kind of file?)");
        }

        Span<byte> trailer = stackalloc byte[TrailerBytes];
        file.Seek(-TrailerBytes, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <summary>Reads whatever is left and checks the trailer.</summary>
    /// <exception cref="InvalidDataException">The data does not match the trailer's CRC-32 or length: the file is damaged or cut short.</exception>
    public void ReadToEndAndVerify()
    {
        CopyTo(Null);
        // ISIZE is the length modulo 2^32.
        if (crc != expectedCrc || (uint)length != expectedLength)
        {
            throw new InvalidDataException(
                $"the gzip trailer promises {expectedLength:N0} bytes (modulo 4 GiB) with CRC-32 {expectedCrc:x8}, but the data decompresses to " +
                $"{length:N0} bytes with CRC-32 {crc:x8}: the file is damaged or cut short (or holds several gzip members, which this reader does not take)");
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            // zlib checks the trailer itself when it reaches it, but .NET words every failure as an "unsupported compression method".
            throw new InvalidDataException(
                $"the gzip data is damaged: it fails the decompressor's checks of the deflate data and of the trailer's CRC-32 and length ({e.Message})", e);
        }

        crc = Crc32.Append(crc, buffer[..read]);
        length += read;
        return read;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
        }

        base.Dispose(disposing);
    }
}
