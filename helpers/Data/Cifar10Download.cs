using System.Globalization;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// Fetches the CIFAR-10 archive into the cache. Bytes collect in a <c>.partial</c> file that the next attempt (or the next
/// run) resumes with an HTTP range request; a dropped or stalled connection is retried a few times; the file moves under
/// its final name only once its length and checksums match, so nothing unverified ever sits there. One download runs
/// into a cache at a time (others wait for it); every file the download deletes or moves aside is reported, with the
/// reason, and a file it did not put there is moved aside, never deleted.
/// </summary>
public static class Cifar10Download
{
    /// <summary>Returns the full path of the verified archive in the cache, downloading it first unless a verified copy is already there.</summary>
    /// <exception cref="CifarDownloadException">The server answered with an error, could not be reached, kept dropping the connection,
    /// sent a different file, or another download into the same cache did not finish in time.</exception>
    public static async Task<string> EnsureAsync(Cifar10DownloadOptions options, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ct.ThrowIfCancellationRequested();
        var report = options.Report ?? Console.WriteLine;
        DeleteStaleTemporaryFiles(options, report);
        if (IsStamped(options))
        {
            return options.ArchivePath;
        }

        using var cacheLock = await FileLock.AcquireAsync(options.LockPath, options.WaitForOtherDownload,
            () => report($"Another download into {Path.GetDirectoryName(options.ArchivePath)} is under way (it holds {options.LockPath}); waiting for it to finish."),
            ct) ?? throw new CifarDownloadException(options.Url,
                $"Another download into {Path.GetDirectoryName(options.ArchivePath)} has held {options.LockPath} for over " +
                $"{options.WaitForOtherDownload.TotalMinutes:N0} minute(s). Let it finish (or stop it) and run again.");

        // Checked again under the lock: the download waited for may just have put the archive there.
        var notes = new List<string>();
        if (await IsCachedAsync(options, notes, report, ct))
        {
            return options.ArchivePath;
        }

        try
        {
            await DownloadAndVerifyAsync(options, progress, report, ct);
        }
        catch (CifarDownloadException e) when (notes.Count > 0)
        {
            throw new CifarDownloadException(e.Url, $"{e.Message} (Before that: {string.Join(" ", notes)})", e.StatusCode, e);
        }

        return options.ArchivePath;
    }

    private static async Task DownloadAndVerifyAsync(Cifar10DownloadOptions options, IProgress<DownloadProgress>? progress, Action<string> report, CancellationToken ct)
    {
        var transfer = new ArchiveTransfer(options, progress, report, ct);
        await transfer.RunAsync();
        var actual = await FileChecksum.ComputeAsync(options.PartialPath, ct);
        if (!options.Expected.IsMatchedBy(actual) && transfer.KeepsEarlierBytes)
        {
            // The bytes kept from an earlier run are the likelier culprit than the server: drop them and fetch the whole file once.
            File.Delete(options.PartialPath);
            report($"Deleted the partial download {options.PartialPath}: the {transfer.EarlierBytes:N0} bytes kept from an earlier run did not " +
                $"belong to the archive (the completed file was {actual}; expected {options.Expected}). Downloading the whole file afresh.");
            await new ArchiveTransfer(options, progress, report, ct).RunAsync();
            actual = await FileChecksum.ComputeAsync(options.PartialPath, ct);
        }

        if (!options.Expected.IsMatchedBy(actual))
        {
            File.Delete(options.PartialPath);
            throw new CifarDownloadException(options.Url,
                $"{options.Url} sent a file that is not the expected archive: expected {options.Expected}; got {actual}. " +
                "The download was deleted. Check that the URL serves cifar-10-binary.tar.gz (a mirror must serve the very same file) and run again.");
        }

        File.Move(options.PartialPath, options.ArchivePath, overwrite: true);
        WriteStamp(options, actual);
    }

    /// <summary>
    /// True when the cache holds the expected file. A file there that is not the expected one was put there by hand or
    /// changed since (only verified downloads are moved there): it is moved aside, reported, and downloaded afresh.
    /// </summary>
    private static async Task<bool> IsCachedAsync(Cifar10DownloadOptions options, List<string> notes, Action<string> report, CancellationToken ct)
    {
        var archive = new FileInfo(options.ArchivePath);
        if (!archive.Exists)
        {
            return false;
        }

        if (IsStamped(options))
        {
            return true;
        }

        var actual = archive.Length == options.Expected.Length ? await FileChecksum.ComputeAsync(archive.FullName, ct) : null;
        if (actual is not null && options.Expected.IsMatchedBy(actual))
        {
            WriteStamp(options, actual);
            return true;
        }

        var aside = AsidePath(options.ArchivePath);
        File.Move(archive.FullName, aside);
        File.Delete(options.StampPath);
        var note = $"{options.ArchivePath} is not the expected CIFAR-10 archive (it has {(object?)actual ?? $"{archive.Length:N0} bytes"}; expected " +
            $"{options.Expected}). Only verified downloads are put there, so it was copied in by hand or changed since: it was moved aside to " +
            $"{aside}, not deleted, and the archive is downloaded afresh. To use a copy of your own, set {Cifar10Source.EnvironmentVariable} to it.";
        report(note);
        notes.Add(note);
        return false;
    }

    /// <summary>A free name beside <paramref name="path"/> that says why the file is there.</summary>
    private static string AsidePath(string path)
    {
        var stem = $"{path}.not-verified-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var candidate = stem;
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    /// <summary>Deletes temporary files of the archive and its stamp that a killed run left behind (<see cref="AtomicFile"/>).</summary>
    private static void DeleteStaleTemporaryFiles(Cifar10DownloadOptions options, Action<string> report)
    {
        var deleted = AtomicFile.DeleteStaleTemporaryFiles(options.ArchivePath).Concat(AtomicFile.DeleteStaleTemporaryFiles(options.StampPath)).ToList();
        if (deleted.Count > 0)
        {
            report($"Deleted {deleted.Count} temporary file(s) an interrupted run left in the cache: {string.Join(", ", deleted.Select(Path.GetFileName))}.");
        }
    }

    /// <summary>True when the stamp records a verification of the very file now in the cache (same length and time stamp).</summary>
    private static bool IsStamped(Cifar10DownloadOptions options)
    {
        var archive = new FileInfo(options.ArchivePath);
        return archive.Exists && ReadStamp(options, archive) is { } stamped && options.Expected.IsMatchedBy(stamped);
    }

    /// <summary>The checksum recorded for the archive, if the record still describes the file now there (same length and time stamp).</summary>
    private static FileChecksum? ReadStamp(Cifar10DownloadOptions options, FileInfo archive)
    {
        try
        {
            var fields = File.ReadAllText(options.StampPath)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(field => field.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1]);
            var current = fields["length"] == archive.Length.ToString(CultureInfo.InvariantCulture)
                && fields["modified"] == archive.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture);
            return current ? new FileChecksum(archive.Length, fields["sha256"], fields.GetValueOrDefault("md5")) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyNotFoundException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteStamp(Cifar10DownloadOptions options, FileChecksum actual)
    {
        var archive = new FileInfo(options.ArchivePath);
        AtomicFile.WriteAllText(options.StampPath, string.Create(CultureInfo.InvariantCulture,
            $"sha256={actual.Sha256} md5={actual.Md5} length={archive.Length} modified={archive.LastWriteTimeUtc.Ticks}\n"));
    }
}
