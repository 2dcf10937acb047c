namespace DeepCnn.Data;

/// <summary>Turns the bytes of one batch file into labels and pixels, checking every record.</summary>
internal static class CifarBatchParser
{
    internal sealed record Batch(byte[] Labels, byte[] Pixels);

    /// <summary>Parses any whole number (at least one) of 3,073-byte records; <paramref name="file"/> names the source in errors.</summary>
    public static Batch Parse(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new CifarFormatException(file,
                $"is empty; expected 3,073-byte records (label and pixels), 10,000 of them in CIFAR-10. The file was cut short or replaced: " +
                "copy or download it again.");
        }

        var count = bytes.Length / CifarLayout.RecordBytes;
        var leftover = bytes.Length % CifarLayout.RecordBytes;
        if (leftover != 0)
        {
            throw new CifarFormatException(file,
                $"{bytes.Length:N0} bytes is not a whole number of {CifarLayout.RecordBytes:N0}-byte records " +
                $"(record {count} is cut short: {leftover:N0} of {CifarLayout.RecordBytes:N0} bytes); the file is truncated or not a CIFAR-10 binary batch.");
        }

        var labels = new byte[count];
        var pixels = new byte[count * CifarLayout.ImageBytes];
        for (var i = 0; i < count; i++)
        {
            var record = bytes.Slice(i * CifarLayout.RecordBytes, CifarLayout.RecordBytes);
            if (record[0] >= CifarLayout.ClassCount)
            {
                throw new CifarFormatException(file,
                    $"record {i} (byte offset {i * (long)CifarLayout.RecordBytes:N0}) has label {record[0]}; expected 0..{CifarLayout.ClassCount - 1}.");
            }

            labels[i] = record[0];
            record[1..].CopyTo(pixels.AsSpan(i * CifarLayout.ImageBytes));
        }

        return new Batch(labels, pixels);
    }

    /// <summary>Reads the ten class names, one per line (blank lines ignored).</summary>
    public static IReadOnlyList<string> ParseClassNames(string file, string text)
    {
        var names = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        return names.Length == CifarLayout.ClassCount
            ? names
            : throw new CifarFormatException(file,
                $"has {names.Length} class names; expected {CifarLayout.ClassCount}, one per line.");
    }

    /// <summary>Joins batches into one split.</summary>
    public static CifarSplit Concatenate(string name, IEnumerable<Batch> batches)
    {
        var all = batches.ToList();
        var labels = all.SelectMany(b => b.Labels).ToArray();
        var pixels = new byte[labels.Length * CifarLayout.ImageBytes];
        var offset = 0;
        foreach (var batch in all)
        {
            batch.Pixels.CopyTo(pixels, offset);
            offset += batch.Pixels.Length;
        }

        return new CifarSplit(name, labels, pixels);
    }
}
