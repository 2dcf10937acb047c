using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>Where the CIFAR-10 data comes from; the defaults download the official archive into <paramref name="CacheFolder"/>.</summary>
/// <param name="CacheFolder">The download cache, normally the repository's <c>data/</c> folder (notebooks pass <c>../data</c>).</param>
public sealed record Cifar10SourceOptions(string CacheFolder)
{
    /// <summary>
    /// A mirror URL (http/https), a local .tar.gz archive, or an extracted folder. Null falls back to the
    /// <see cref="Cifar10Source.EnvironmentVariable"/> environment variable, and then to the official URL.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>What a downloaded or local archive must be; the official archive's length and checksums by default.</summary>
    public FileChecksum Expected { get; init; } = Cifar10DownloadOptions.OfficialChecksum;

    /// <summary>How many times a dropped download is retried, resuming each time.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before the first retry; the n-th retry waits n times this.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where a download says what it does to files in the cache (and why); null: standard output.</summary>
    public Action<string>? Report { get; init; }

    /// <summary>The download settings for fetching <paramref name="url"/> into the cache.</summary>
    public Cifar10DownloadOptions DownloadOptions(Uri url) => new(CacheFolder)
    {
        Url = url,
        Expected = Expected,
        MaxRetries = MaxRetries,
        RetryDelay = RetryDelay,
        Report = Report,
    };
}
