namespace DeepCnn.Data;

/// <summary>Turns the bytes of one batch file into labels and pixels, checking every record.</summary>
internal static class CifarBatchParser
{
    internal sealed record Batch(byte[] Labels, byte[] Pixels);

    /// <summary>
    /// Parses any whole number (at least one) of 3,073-byte records whose labels are below <paramref name="classCount"/>
    /// (the number of names in batches.meta.txt); <paramref name="file"/> names the source in errors.
    /// </summary>
    public static Batch Parse(string file, ReadOnlySpan<byte> bytes, int classCount)
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
            if (record[0] >= classCount)
            {
                throw new CifarFormatException(file,
                    $"record {i} (byte offset {i * (long)CifarLayout.RecordBytes:N0}) has label {record[0]}; expected 0..{classCount - 1}, " +
                    $"one of the {classCount} classes that {CifarLayout.MetaFile} lists.");
            }

            labels[i] = record[0];
            record[1..].CopyTo(pixels.AsSpan(i * CifarLayout.ImageBytes));
        }

        return new Batch(labels, pixels);
    }

    /// <summary>
    /// Reads the class names, one per line (blank lines ignored): at least <see cref="CifarLayout.MinClasses"/>, at most
    /// <see cref="CifarLayout.MaxClasses"/> (a label is one byte), no name twice.
    /// </summary>
    public static IReadOnlyList<string> ParseClassNames(string file, string text)
    {
        var names = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        if (names.Length is < CifarLayout.MinClasses or > CifarLayout.MaxClasses)
        {
            throw new CifarFormatException(file,
                $"has {names.Length} class name{(names.Length == 1 ? "" : "s")}; expected {CifarLayout.MinClasses} to {CifarLayout.MaxClasses}, " +
                "one per line (CIFAR-10 lists 10; a label is one byte, so at most 256).");
        }

        var twice = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return twice is null
            ? names
            : throw new CifarFormatException(file,
                $"lists the class '{twice.Key}' {twice.Count()} times; expected every class name once (a label is a line number).");
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
