using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// Decides where CIFAR-10 comes from (options, then the <see cref="EnvironmentVariable"/> environment variable, then the
/// official URL) and loads it: a URL is downloaded into the cache and verified, a local archive is verified, a folder
/// is read as it is. Archives are read directly, without extracting them. The data is called CIFAR-10 only when it
/// verifies (the published checksum, or for a folder CIFAR-10's file sizes and class names); otherwise it is named by
/// its folder (see <see cref="DataOrigin"/>).
/// </summary>
public sealed class Cifar10Source
{
    /// <summary>
    /// The environment variable that points at a copy of CIFAR-10: a mirror URL, a local cifar-10-binary.tar.gz,
    /// or its extracted folder (relative paths count from the current directory).
    /// </summary>
    public const string EnvironmentVariable = "ALEXNET_CIFAR10_SOURCE";

    private readonly Cifar10SourceOptions options;

    private Cifar10Source(Cifar10SourceOptions options, Cifar10SourceKind kind, string location, string chosenBy)
    {
        this.options = options;
        Kind = kind;
        Location = location;
        ChosenBy = chosenBy;
    }

    /// <summary>Download, local archive or extracted folder.</summary>
    public Cifar10SourceKind Kind { get; }

    /// <summary>The URL, or the full path of the archive or folder.</summary>
    public string Location { get; }

    /// <summary>What chose this source: "options", the environment variable's name, or "default".</summary>
    public string ChosenBy { get; }

    /// <summary>Where a download lands (and is looked for on later runs).</summary>
    public string CachePath => Path.GetFullPath(Path.Combine(options.CacheFolder, Cifar10DownloadOptions.ArchiveFileName));

    /// <summary>Works out which source <paramref name="options"/> (or the environment) names; touches no network.</summary>
    /// <exception cref="FileNotFoundException">The named path does not exist.</exception>
    /// <exception cref="ArgumentException">The value is a URL of a scheme other than http, https or file.</exception>
    public static Cifar10Source Resolve(Cifar10SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var (value, chosenBy) =
            !string.IsNullOrWhiteSpace(options.Source) ? (options.Source.Trim(), "options")
            : !string.IsNullOrWhiteSpace(environment) ? (environment.Trim(), EnvironmentVariable)
            : (Cifar10DownloadOptions.OfficialUrl.AbsoluteUri, "default");

        var path = value;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return new Cifar10Source(options, Cifar10SourceKind.Download, uri.AbsoluteUri, chosenBy);
            }

            path = uri.IsFile
                ? uri.LocalPath
                : throw new ArgumentException(
                    $"{SettingName(chosenBy)} is '{value}', a {uri.Scheme}: URL; expected an http(s) URL, a .tar.gz archive or a folder.",
                    nameof(options));
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return new Cifar10Source(options, Cifar10SourceKind.Folder, full, chosenBy);
        }

        return File.Exists(full)
            ? new Cifar10Source(options, Cifar10SourceKind.Archive, full, chosenBy)
            : throw new FileNotFoundException(
                $"{SettingName(chosenBy)} is '{value}', but there is nothing at {full}; expected an http(s) URL, a cifar-10-binary.tar.gz archive, " +
                $"or a folder holding {CifarLayout.FolderName}/ (or that folder itself).",
                full);
    }

    /// <summary>Resolves the source named by <paramref name="options"/> and loads the data set from it.</summary>
    public static Task<CifarDataSet> LoadAsync(Cifar10SourceOptions options, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default) =>
        Resolve(options).LoadAsync(progress, ct);

    /// <summary>Loads the data set: downloads and verifies a URL into the cache, verifies a local archive, or reads a folder.</summary>
    /// <exception cref="CifarDownloadException">The download failed; the message says why and what to do.</exception>
    /// <exception cref="CifarFormatException">A local archive is not the expected file, or the data is not in the CIFAR-10 layout.</exception>
    /// <remarks>The data set's <see cref="CifarDataSet.Origin"/> says whether it verified as CIFAR-10.</remarks>
    public async Task<CifarDataSet> LoadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        var path = Location;
        var checksumVerified = false;
        switch (Kind)
        {
            case Cifar10SourceKind.Download:
                path = await Cifar10Download.EnsureAsync(options.DownloadOptions(new Uri(Location)), progress, ct);
                checksumVerified = true;
                break;
            case Cifar10SourceKind.Archive:
                await VerifyArchiveAsync(ct);
                checksumVerified = true;
                break;
            case Cifar10SourceKind.Folder:
                break;
        }

        var data = await Task.Run(() => CifarReader.Read(path), ct);
        return Name(data, checksumVerified && IsPublishedChecksum(options.Expected));
    }

    /// <summary>One line for a notebook to print: which source, where from, and why this one.</summary>
    public string Describe() => Kind switch
    {
        Cifar10SourceKind.Download =>
            $"CIFAR-10 download from {Location} into {CachePath} (skipped when a verified copy is there; must match {options.Expected}); chosen by {ChosenBy}",
        Cifar10SourceKind.Archive =>
            $"CIFAR-10 archive {Location} (read without extracting; must match {options.Expected}); chosen by {ChosenBy}",
        _ =>
            $"Extracted folder {Location} in the CIFAR-10 layout (a folder cannot be checked against the archive's checksum: it counts as CIFAR-10 " +
            $"only when its six batch files have CIFAR-10's sizes and its class names are CIFAR-10's, otherwise it is named by its folder); chosen by {ChosenBy}",
    };

    /// <inheritdoc />
    public override string ToString() => Describe();

    private async Task VerifyArchiveAsync(CancellationToken ct)
    {
        var actual = await FileChecksum.ComputeAsync(Location, ct);
        if (!options.Expected.IsMatchedBy(actual))
        {
            throw new CifarFormatException(Location,
                $"is not the expected CIFAR-10 archive: expected {options.Expected}; got {actual}. " +
                $"Point {SettingName(ChosenBy)} at an intact cifar-10-binary.tar.gz (or its extracted folder), or leave it unset to download it.");
        }
    }

    /// <summary>
    /// Names the data for what it is. An archive that matched the published checksum is CIFAR-10. Synthetic data is
    /// recognised by its class names, so it is never reported as CIFAR-10 whatever path it came through. Anything else
    /// keeps what the reader found: CIFAR-10 only when its files have CIFAR-10's sizes and class names.
    /// </summary>
    private static CifarDataSet Name(CifarDataSet data, bool publishedChecksum)
    {
        if (data.ClassNames.SequenceEqual(SyntheticCifar.ClassNames))
        {
            return data with { Origin = data.Origin with { Kind = DataOriginKind.Synthetic, Details = "generated by the synthetic generator" } };
        }

        return publishedChecksum
            ? data with { Origin = data.Origin with { Kind = DataOriginKind.Cifar10, Details = CifarIdentity.VerifiedByChecksum } }
            : data;
    }

    /// <summary>True when <paramref name="expected"/> is the published archive's checksum, not one a caller chose (a test archive's, say).</summary>
    private static bool IsPublishedChecksum(FileChecksum expected) =>
        expected.Sha256 == Cifar10DownloadOptions.OfficialChecksum.Sha256 && expected.Length == Cifar10DownloadOptions.OfficialChecksum.Length;

    private static string SettingName(string chosenBy) => chosenBy == EnvironmentVariable
        ? $"the environment variable {EnvironmentVariable}"
        : $"{nameof(Cifar10SourceOptions)}.{nameof(Cifar10SourceOptions.Source)}";
}
