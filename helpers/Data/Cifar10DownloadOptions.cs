using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>Where to fetch the CIFAR-10 archive from, what it must be, and where to keep it.</summary>
/// <param name="CacheFolder">The download cache, normally the repository's <c>data/</c> folder (notebooks pass <c>../data</c>).</param>
public sealed record Cifar10DownloadOptions(string CacheFolder)
{
    /// <summary>The archive's home, as published by its authors.</summary>
    public static Uri OfficialUrl { get; } = new("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /// <summary>The official archive: 170,052,171 bytes, with the MD5 published beside it and its SHA-256.</summary>
    public static FileChecksum OfficialChecksum { get; } = new(
        170_052_171,
        sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
        md5: "c32a1d4ab5d03f1284b67883e8d87530");

    /// <summary>The archive's name in the cache.</summary>
    public const string ArchiveFileName = "cifar-10-binary.tar.gz";

    /// <summary>Where to download from: the official URL or a mirror of the same file.</summary>
    public Uri Url { get; init; } = OfficialUrl;

    /// <summary>What the downloaded file must be; a download that is anything else is deleted and reported.</summary>
    public FileChecksum Expected { get; init; } = OfficialChecksum;

    /// <summary>How many times a dropped or stalled connection is retried (each retry resumes where the last stopped).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry; the n-th retry waits n times this.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A connection that delivers nothing for this long counts as dropped.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Least time between two progress reports (the last one, at completion, always comes).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long to wait while another process (or notebook) downloads into the same cache, before giving up.</summary>
    public TimeSpan WaitForOtherDownload { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Where the download says what it does to files in the cache (and why); null: standard output.</summary>
    public Action<string>? Report { get; init; }

    /// <summary>The verified archive's place in the cache.</summary>
    public string ArchivePath => Path.GetFullPath(Path.Combine(CacheFolder, ArchiveFileName));

    /// <summary>Where bytes collect until the whole file has arrived and verified; kept between runs so a later run resumes.</summary>
    public string PartialPath => ArchivePath + ".partial";

    /// <summary>The record of an earlier verification (length, time stamp, digests), so later runs need not hash the file again.</summary>
    public string StampPath => ArchivePath + ".sha256";

    /// <summary>The lock file held while a download into this cache runs, so two never write the same partial file.</summary>
    public string LockPath => ArchivePath + ".lock";
}
