using System.Formats.Tar;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// Reads data in the CIFAR-10 binary layout from the extracted folder or straight from the .tar.gz archive, and says what
/// it is (<see cref="DataOrigin"/>): CIFAR-10 only when the files have CIFAR-10's sizes and class names.
/// </summary>
public static class CifarReader
{
    /// <summary>Reads a folder or a .tar.gz archive, whichever <paramref name="path"/> is.</summary>
    public static CifarDataSet Read(string path, bool isSynthetic = false)
    {
        if (Directory.Exists(path))
        {
            return ReadFolder(path, isSynthetic);
        }

        if (File.Exists(path))
        {
            return ReadArchive(path, isSynthetic);
        }

        throw new FileNotFoundException(
            $"No CIFAR-10 data at '{path}': expected a folder holding {CifarLayout.FolderName}/ (or its files) or a cifar-10-binary.tar.gz archive.",
            path);
    }

    /// <summary>Reads <c>cifar-10-batches-bin/</c>; <paramref name="folder"/> may be that folder or the one above it.</summary>
    public static CifarDataSet ReadFolder(string folder, bool isSynthetic = false)
    {
        var batches = Path.Combine(folder, CifarLayout.FolderName);
        if (!Directory.Exists(batches))
        {
            batches = folder;
        }

        string Require(string name)
        {
            var file = Path.Combine(batches, name);
            return File.Exists(file)
                ? file
                : throw new FileNotFoundException(
                    $"CIFAR-10 folder '{batches}' lacks {name}; expected {string.Join(", ", AllMembers())}.", file);
        }

        // The class names come first: they say how many classes the labels may name.
        var metaFile = Require(CifarLayout.MetaFile);
        var names = CifarBatchParser.ParseClassNames(metaFile, File.ReadAllText(metaFile));
        var files = BatchFiles().Select(name => (Name: name, Path: Require(name))).ToList();
        var train = CifarBatchParser.Concatenate("train", files.Take(CifarLayout.TrainFiles.Count).Select(file => ParseFile(file.Path, names.Count)));
        var test = CifarBatchParser.Concatenate("test", [ParseFile(files[^1].Path, names.Count)]);
        var location = Path.GetFullPath(batches);
        var origin = CifarIdentity.Identify(location, [.. files.Select(file => (file.Name, new FileInfo(file.Path).Length))], names, train.Count, test.Count, isSynthetic);
        return new CifarDataSet(train, test, names, origin);
    }

    /// <summary>
    /// Reads the batches straight out of a cifar-10-binary.tar.gz archive, without extracting it. The whole gzip stream
    /// is read and checked against its trailer (CRC-32 and length), so a damaged archive is an error, not different pixels.
    /// </summary>
    public static CifarDataSet ReadArchive(string archivePath, bool isSynthetic = false)
    {
        var wanted = AllMembers().ToHashSet(StringComparer.Ordinal);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var seen = new List<string>();
        try
        {
            using var gzip = new VerifiedGzipStream(File.OpenRead(archivePath));
            using (var tar = new TarReader(gzip, leaveOpen: true))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    seen.Add(entry.Name);
                    var name = MemberName(entry.Name);
                    if (name is null || !wanted.Contains(name) || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    {
                        continue;
                    }

                    // An empty member has no data stream; it is kept, so the parser can say it is empty rather than missing.
                    if (entry.Length > Array.MaxLength)
                    {
                        throw new InvalidDataException($"member {entry.Name} claims {entry.Length:N0} bytes, more than a batch file can hold");
                    }

                    // Sized for the members of the official archive at most, so a damaged size field cannot claim gigabytes up front.
                    using var buffer = new MemoryStream((int)Math.Min(entry.Length, 1 << 26));
                    entry.DataStream?.CopyTo(buffer);
                    contents[name] = buffer.ToArray();
                }
            }

            gzip.ReadToEndAndVerify();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            var reason = e is EndOfStreamException ? "it ends inside a member, so it is cut short (an interrupted download or copy?)" : e.Message;
            throw new CifarFormatException(archivePath,
                $"is not a readable .tar.gz archive: {reason}. Expected an intact cifar-10-binary.tar.gz; delete it and download or copy it again.");
        }

        var missing = wanted.Where(name => !contents.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            var found = seen.Count == 0 ? "none" : string.Join(", ", seen.Take(12)) + (seen.Count > 12 ? ", ..." : "");
            throw new CifarFormatException(archivePath,
                $"archive lacks {string.Join(", ", missing.Select(m => $"{CifarLayout.FolderName}/{m}"))}; members found: {found}.");
        }

        string Member(string name) => $"{archivePath}!{CifarLayout.FolderName}/{name}";
        var names = CifarBatchParser.ParseClassNames(Member(CifarLayout.MetaFile),
            System.Text.Encoding.UTF8.GetString(contents[CifarLayout.MetaFile]));
        var train = CifarBatchParser.Concatenate("train",
            CifarLayout.TrainFiles.Select(name => CifarBatchParser.Parse(Member(name), contents[name], names.Count)));
        var test = CifarBatchParser.Concatenate("test",
            [CifarBatchParser.Parse(Member(CifarLayout.TestFile), contents[CifarLayout.TestFile], names.Count)]);
        var location = Path.GetFullPath(archivePath);
        var origin = CifarIdentity.Identify(location, [.. BatchFiles().Select(name => (name, (long)contents[name].Length))], names, train.Count, test.Count, isSynthetic);
        return new CifarDataSet(train, test, names, origin);
    }

    private static CifarBatchParser.Batch ParseFile(string file, int classCount) => CifarBatchParser.Parse(file, File.ReadAllBytes(file), classCount);

    /// <summary>The six batch files in layout order: the five training files, then the test file.</summary>
    private static IEnumerable<string> BatchFiles() => [.. CifarLayout.TrainFiles, CifarLayout.TestFile];

    private static IEnumerable<string> AllMembers() => [.. BatchFiles(), CifarLayout.MetaFile];

    /// <summary>The file name of an archive member inside cifar-10-batches-bin/, or null for anything else.</summary>
    private static string? MemberName(string entryName)
    {
        var parts = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[^2] == CifarLayout.FolderName ? parts[^1] : null;
    }
}
