using System.Text.RegularExpressions;

namespace DeepCnn.IO;

/// <summary>
/// Writes a file whole or not at all: to a temporary file beside it (<c>name.writing-&lt;id&gt;.tmp</c>), then a rename over
/// the target. A writer killed mid-write leaves its temporary file behind; the next write of the same target deletes it.
/// </summary>
public static partial class AtomicFile
{
    private const string TemporaryMarker = ".writing-";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file and moves it onto <paramref name="path"/> only if it succeeds;
    /// first deletes the temporary files of <paramref name="path"/> that earlier, killed writers left behind.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = TemporaryPathFor(path);
        DeleteStaleTemporaryFiles(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Makes <paramref name="path"/> a second name of the file <paramref name="existing"/> (a hard link: no bytes copied)
    /// where the file system allows, else a copy; either way atomically, replacing what was there. The two names stay
    /// independent afterwards: replacing <paramref name="existing"/> (by a rename, as <see cref="Write"/> does) leaves
    /// <paramref name="path"/> with the old content.
    /// </summary>
    public static void Link(string existing, string path)
    {
        var temporary = TemporaryPathFor(path);
        DeleteStaleTemporaryFiles(path);
        try
        {
            if (OperatingSystem.IsWindows() || HardLink(existing, temporary) != 0)
            {
                File.Copy(existing, temporary);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "link", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int HardLink(string existing, string link);

    /// <summary>A unique temporary name in the same folder (so the final rename does not cross file systems): <c>name.writing-&lt;id&gt;.tmp</c>.</summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return $"{full}{TemporaryMarker}{Guid.NewGuid():N}.tmp";
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="path"/> that no writer holds open any more (their writer was killed),
    /// and returns their paths. A file still open in a live writer, in this process or another, is left alone.
    /// </summary>
    public static IReadOnlyList<string> DeleteStaleTemporaryFiles(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var deleted = new List<string>();
        foreach (var candidate in Directory.EnumerateFiles(folder, name + ".*.tmp"))
        {
            var suffix = Path.GetFileName(candidate)[name.Length..];
            if (!TemporarySuffix().IsMatch(suffix))
            {
                continue;
            }

            try
            {
                // A live writer holds its file open, and with it a lock (on Unix an advisory flock) that makes this open fail.
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }

                deleted.Add(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use, or not ours to delete: leave it.
            }
        }

        return deleted;
    }

    // ".writing-<32 hex>.tmp", and ".<32 hex>.tmp" as earlier versions named them.
    [GeneratedRegex("^(\\.writing-|\\.)[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TemporarySuffix();
}
