using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeepCnn.Imaging;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// A reader's own images as a data set: a folder with one subfolder per class (torchvision's ImageFolder layout), or with
/// <c>train/</c> and <c>test/</c> that each hold one. Class names are the subfolder names in ordinal order.
/// <para>
/// Every image is decoded once with SkiaSharp, turned upright, cropped to its central square and shrunk to 32x32 RGB,
/// and the result is cached in the CIFAR-10 binary layout under <c>image-folders/</c> in the cache folder. 32x32 keeps
/// the data exactly where CIFAR-10 is: the same reader, statistics, batches and 224x224 upsampling serve both, so
/// nothing after loading changes, and a folder of a few thousand photos becomes a few megabytes that load in a moment.
/// The price is detail: at 32x32 an object must fill much of the picture to stay recognisable.
/// </para>
/// <para>
/// A rerun reads the cache without decoding; the cache is rebuilt when any file's name, size or time changes (or the
/// split settings do). Files that cannot be decoded are skipped, counted and named in the data's
/// <see cref="DataOrigin.Skipped"/> and description; an empty class, a class in only one split, or fewer than two
/// classes is an <see cref="ImageFolderException"/> naming the folder.
/// </para>
/// </summary>
public static class ImageFolderSource
{
    /// <summary>The version of the cache layout; an entry of another version is decoded again.</summary>
    public const int CacheFormatVersion = 1;

    /// <summary>The folder inside the cache folder that holds decoded image folders.</summary>
    public const string CacheSubfolder = "image-folders";

    private const string ManifestFile = "manifest.json";
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Loads the image folder <paramref name="options"/> names, from the cache when it is up to date, otherwise by decoding
    /// every file (reporting to <paramref name="progress"/>) and caching the result.
    /// </summary>
    /// <exception cref="ImageFolderException">The folder is missing, or its layout or contents cannot make a data set.</exception>
    public static async Task<CifarDataSet> LoadAsync(ImageFolderOptions options, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TestFraction is not (> 0 and < 1) || double.IsNaN(options.TestFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TestFraction, "TestFraction must lie strictly between 0 and 1.");
        }

        var layout = ImageFolderLayout.Scan(options.Folder);
        var entry = CacheEntry(options, layout);
        var key = CacheKey(layout, options);
        if (TryReadCache(entry, key, layout, options) is { } cached)
        {
            return cached;
        }

        var lockPath = Path.Combine(entry, "decoding.lock");
        using var held = await FileLock.AcquireAsync(lockPath, options.WaitForOtherDecoder,
            () => Console.WriteLine($"Another run is decoding {layout.Root} into {entry} (it holds {lockPath}); waiting for it to finish."),
            ct).ConfigureAwait(false) ?? throw new ImageFolderException(layout.Root,
                $"another run has been decoding it into {entry} for over {options.WaitForOtherDecoder.TotalMinutes:N0} minute(s); let it finish (or stop it) and run again.");

        // Checked again under the lock: the run waited for may just have written it.
        if (TryReadCache(entry, key, layout, options) is { } written)
        {
            return written;
        }

        await Task.Run(() => Build(layout, options, entry, key, progress, ct), ct).ConfigureAwait(false);
        return TryReadCache(entry, key, layout, options)
            ?? throw new InvalidOperationException($"The decoded copy of {layout.Root} in {entry} could not be read back.");
    }

    /// <summary>One line saying where the images come from and where their decoded copy goes (touches no image).</summary>
    public static string Describe(ImageFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.Folder);
        return $"Image folder {root}: one subfolder per class (or train/ and test/ holding them; otherwise {Percent(options.TestFraction)} of each class " +
               $"is kept for testing, chosen by seed {options.Seed}); decoded once, shrunk to 32x32 and cached under " +
               $"{Path.GetFullPath(Path.Combine(options.CacheFolder, CacheSubfolder))}";
    }

    private static void Build(ImageFolderLayout layout, ImageFolderOptions options, string entry, string key, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var files = layout.Files;
        var pictures = new byte[]?[files.Count];
        var problems = new string?[files.Count];
        var clock = Stopwatch.StartNew();
        var done = 0;
        var lastReport = TimeSpan.Zero;
        var gate = new Lock();
        var activity = $"Decoding the images of '{layout.Label}' (once; later runs read the cache)";
        void Report(int count, bool force)
        {
            lock (gate)
            {
                if (progress is null || (!force && clock.Elapsed - lastReport < ReportInterval))
                {
                    return;
                }

                lastReport = clock.Elapsed;
                var rate = count / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                progress.Report(new DownloadProgress(count, files.Count, rate)
                {
                    Activity = activity,
                    Detail = string.Create(CultureInfo.InvariantCulture, $"{count:N0} of {files.Count:N0} files at {rate:F0} files/s"),
                });
            }
        }

        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                (pictures[i], problems[i]) = Thumbnail.Decode(files[i].FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems[i] = $"cannot be read ({e.Message})";
            }

            Report(Interlocked.Increment(ref done), force: false);
        });
        Report(files.Count, force: true);

        var skipped = layout.Stray.Concat(files.Select((file, i) => (file, i)).Where(f => problems[f.i] is not null)
            .Select(f => new SkippedFile(f.file.RelativePath, problems[f.i]!))).ToList();
        var readable = Enumerable.Range(0, files.Count).Where(i => pictures[i] is not null).ToList();
        var (train, test) = layout.IsPreSplit ? SplitByFolder(layout, readable, skipped) : SplitByFraction(layout, options, readable, skipped);
        if (train.Count < CifarLayout.TrainFiles.Count)
        {
            throw new ImageFolderException(layout.Root,
                $"has {train.Count} readable training image(s) in all; expected at least {CifarLayout.TrainFiles.Count} (and dozens per class for a network to learn anything).");
        }

        // Shuffled once, with the seed, so that the first N images (a subset) hold every class.
        Shuffle(train, Seeds.Derive(options.Seed, 1));
        Shuffle(test, Seeds.Derive(options.Seed, 2));
        Write(entry, key, layout, train, test, skipped, files, pictures);
    }

    private static (List<int> Train, List<int> Test) SplitByFolder(ImageFolderLayout layout, List<int> readable, List<SkippedFile> skipped)
    {
        var train = readable.Where(i => layout.Files[i].InTestFolder == false).ToList();
        var test = readable.Where(i => layout.Files[i].InTestFolder == true).ToList();
        var missing = new List<string>();
        for (var label = 0; label < layout.ClassNames.Count; label++)
        {
            foreach (var (split, members) in new[] { ("train", train), ("test", test) })
            {
                if (!members.Any(i => layout.Files[i].Label == label))
                {
                    missing.Add($"'{layout.ClassNames[label]}' has no readable image in {split}/{SkippedIn(skipped, $"{split}/{layout.ClassNames[label]}/")}");
                }
            }
        }

        return missing.Count == 0
            ? (train, test)
            : throw new ImageFolderException(layout.Root, $"{string.Join("; ", missing)}. Expected every class to have images in both train/ and test/.");
    }

    private static (List<int> Train, List<int> Test) SplitByFraction(ImageFolderLayout layout, ImageFolderOptions options, List<int> readable, List<SkippedFile> skipped)
    {
        var (train, test) = (new List<int>(), new List<int>());
        var tooFew = new List<string>();
        for (var label = 0; label < layout.ClassNames.Count; label++)
        {
            // Ordered by a hash of seed and name: the split does not depend on the order the file system lists files in,
            // and adding a file moves at most one other between the splits.
            var members = readable.Where(i => layout.Files[i].Label == label)
                .OrderBy(i => SplitHash(options.Seed, layout.Files[i].RelativePath), StringComparer.Ordinal).ToList();
            if (members.Count < 2)
            {
                tooFew.Add($"'{layout.ClassNames[label]}' has {members.Count} readable image{(members.Count == 1 ? "" : "s")}{SkippedIn(skipped, layout.ClassNames[label] + "/")}");
                continue;
            }

            var testCount = Math.Clamp((int)Math.Round(members.Count * options.TestFraction, MidpointRounding.AwayFromZero), 1, members.Count - 1);
            test.AddRange(members.Take(testCount));
            train.AddRange(members.Skip(testCount));
        }

        return tooFew.Count == 0
            ? (train, test)
            : throw new ImageFolderException(layout.Root,
                $"{string.Join("; ", tooFew)}. Expected at least 2 readable images per class: one or more for training and one or more for testing.");
    }

    private static void Write(string entry, string key, ImageFolderLayout layout, List<int> train, List<int> test, List<SkippedFile> skipped,
        IReadOnlyList<ImageFolderLayout.Entry> files, byte[]?[] pictures)
    {
        var batches = Path.Combine(entry, CifarLayout.FolderName);
        Directory.CreateDirectory(batches);
        // The manifest goes first and comes back last: a run stopped in between leaves no entry that looks complete.
        File.Delete(Path.Combine(entry, ManifestFile));
        byte[] Records(IEnumerable<int> indices)
        {
            var list = indices.ToList();
            var bytes = new byte[list.Count * CifarLayout.RecordBytes];
            for (var r = 0; r < list.Count; r++)
            {
                bytes[r * CifarLayout.RecordBytes] = (byte)files[list[r]].Label;
                pictures[list[r]]!.CopyTo(bytes, r * CifarLayout.RecordBytes + 1);
            }

            return bytes;
        }

        var perFile = train.Count / CifarLayout.TrainFiles.Count;
        for (var f = 0; f < CifarLayout.TrainFiles.Count; f++)
        {
            var count = f < CifarLayout.TrainFiles.Count - 1 ? perFile : train.Count - perFile * f;
            AtomicFile.WriteAllBytes(Path.Combine(batches, CifarLayout.TrainFiles[f]), Records(train.Skip(f * perFile).Take(count)));
        }

        AtomicFile.WriteAllBytes(Path.Combine(batches, CifarLayout.TestFile), Records(test));
        AtomicFile.WriteAllText(Path.Combine(batches, CifarLayout.MetaFile), string.Join('\n', layout.ClassNames) + "\n");
        var manifest = new ImageFolderManifest(CacheFormatVersion, key, layout.Root, layout.ClassNames, train.Count, test.Count, skipped);
        AtomicFile.WriteAllBytes(Path.Combine(entry, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The cached data set when the entry is complete and was made from exactly these files; null otherwise.</summary>
    private static CifarDataSet? TryReadCache(string entry, string key, ImageFolderLayout layout, ImageFolderOptions options)
    {
        var manifestPath = Path.Combine(entry, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<ImageFolderManifest>(File.ReadAllBytes(manifestPath));
            if (manifest is null || manifest.FormatVersion != CacheFormatVersion || manifest.Key != key)
            {
                return null;
            }

            var data = CifarReader.ReadFolder(entry);
            if (data.Train.Count != manifest.TrainCount || data.Test.Count != manifest.TestCount)
            {
                return null;
            }

            var split = layout.IsPreSplit
                ? "split by its train/ and test/ folders"
                : $"{Percent(options.TestFraction)} of each class's images kept for testing (chosen by a hash of their names, seed {options.Seed}), the rest for training";
            var details = $"{split}; every image cropped to its central square and shrunk to 32x32 pixels once, cached in {entry}";
            var origin = new DataOrigin(DataOriginKind.ImageFolder, layout.Root, layout.Label, data.ClassNames, data.Train.Count, data.Test.Count, details)
            {
                Skipped = manifest.Skipped,
            };
            return data with { Origin = origin };
        }
        catch (Exception e) when (e is JsonException or CifarFormatException or IOException or NotSupportedException)
        {
            // A damaged cache entry is decoded again, never trusted.
            return null;
        }
    }

    /// <summary>One cache entry per image folder: its name, and a hash of its full path so two folders of one name stay apart.</summary>
    private static string CacheEntry(ImageFolderOptions options, ImageFolderLayout layout)
    {
        var name = new string([.. layout.Label.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        var where = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(layout.Root)))[..8];
        return Path.GetFullPath(Path.Combine(options.CacheFolder, CacheSubfolder, $"{name}-{where}"));
    }

    /// <summary>A hash of everything the decoded copy depends on: every file's path, size and time, the layout and the split settings.</summary>
    private static string CacheKey(ImageFolderLayout layout, ImageFolderOptions options)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"image folder cache {CacheFormatVersion}, side {CifarLayout.Side}\n")
            .Append(CultureInfo.InvariantCulture, $"pre-split {layout.IsPreSplit}, test fraction {options.TestFraction:R}, seed {options.Seed}\n")
            .Append(CultureInfo.InvariantCulture, $"classes {string.Join('\t', layout.ClassNames)}\n");
        foreach (var file in layout.Files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.RelativePath}\t{file.Length}\t{file.LastWriteUtc.Ticks}\n");
        }

        foreach (var stray in layout.Stray)
        {
            text.Append(CultureInfo.InvariantCulture, $"stray {stray.Path}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string SplitHash(int seed, string relativePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}\n{relativePath}"))));

    private static string SkippedIn(List<SkippedFile> skipped, string prefix)
    {
        var inClass = skipped.Where(s => s.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return inClass.Count == 0 ? "" : $" ({inClass.Count} skipped: {string.Join(", ", inClass.Take(3))}{(inClass.Count > 3 ? ", ..." : "")})";
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.#}%");

    private static void Shuffle(List<int> items, int seed)
    {
        var random = new Random(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
