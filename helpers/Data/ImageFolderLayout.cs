namespace DeepCnn.Data;

/// <summary>
/// What an image folder holds, before anything is decoded: its classes (the subfolder names, in ordinal order), every file
/// of every class with its size and time (the cache key), and which split each file belongs to when the folder has
/// <c>train/</c> and <c>test/</c>. Names starting with a dot (.DS_Store, .ipynb_checkpoints) are ignored; files outside
/// the class folders are reported as skipped.
/// </summary>
internal sealed record ImageFolderLayout(
    string Root, bool IsPreSplit, IReadOnlyList<string> ClassNames, IReadOnlyList<ImageFolderLayout.Entry> Files, IReadOnlyList<SkippedFile> Stray)
{
    private const string Expected =
        "expected one subfolder per class holding that class's images (JPEG, PNG, ...), or train/ and test/ folders that each hold such subfolders";

    /// <summary>One file of a class folder.</summary>
    /// <param name="FullPath">Where it is.</param>
    /// <param name="RelativePath">Its path under the image folder, with '/' between folders.</param>
    /// <param name="Label">Its class's index in <see cref="ClassNames"/>.</param>
    /// <param name="InTestFolder">Under <c>test/</c> (true) or <c>train/</c> (false); null when the folder is split by fraction.</param>
    /// <param name="Length">Its size in bytes.</param>
    /// <param name="LastWriteUtc">When it was last written.</param>
    internal sealed record Entry(string FullPath, string RelativePath, int Label, bool? InTestFolder, long Length, DateTime LastWriteUtc);

    /// <summary>The folder's name, which names the data set.</summary>
    public string Label => Path.GetFileName(Root);

    /// <summary>Lists the classes and files of <paramref name="folder"/>, checking the layout.</summary>
    /// <exception cref="ImageFolderException">The folder is missing, or its layout is not one of the two expected.</exception>
    public static ImageFolderLayout Scan(string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root))
        {
            throw new ImageFolderException(root, $"no such folder; {Expected}.");
        }

        var stray = Visible(Directory.EnumerateFiles(root)).Select(file => new SkippedFile(Path.GetFileName(file), "not in a class folder")).ToList();
        var folders = Visible(Directory.EnumerateDirectories(root)).ToList();
        var train = folders.FirstOrDefault(f => string.Equals(Path.GetFileName(f), "train", StringComparison.OrdinalIgnoreCase));
        var test = folders.FirstOrDefault(f => string.Equals(Path.GetFileName(f), "test", StringComparison.OrdinalIgnoreCase));
        if (train is null != test is null)
        {
            var (has, lacks) = train is null ? ("test/", "train/") : ("train/", "test/");
            throw new ImageFolderException(root,
                $"has a {has} folder but no {lacks}; expected both (each with one subfolder per class), or neither (only class folders, split by a fixed share).");
        }

        if (train is null || test is null)
        {
            var classes = ClassFolders(root, folders);
            var files = classes.SelectMany((name, label) => FilesOf(root, Path.Combine(root, name), label, inTest: null)).ToList();
            return new ImageFolderLayout(root, false, classes, files, stray);
        }

        stray.AddRange(folders.Where(f => f != train && f != test).Select(f => new SkippedFile(Path.GetFileName(f) + "/", "a folder beside train/ and test/")));
        var trainClasses = Visible(Directory.EnumerateDirectories(train)).Select(Path.GetFileName).OfType<string>().ToList();
        var testClasses = Visible(Directory.EnumerateDirectories(test)).Select(Path.GetFileName).OfType<string>().ToList();
        var onlyOne = trainClasses.Except(testClasses, StringComparer.Ordinal).Select(c => $"'{c}' is in train/ only")
            .Concat(testClasses.Except(trainClasses, StringComparer.Ordinal).Select(c => $"'{c}' is in test/ only")).ToList();
        if (onlyOne.Count > 0)
        {
            throw new ImageFolderException(root,
                $"class {string.Join(", ", onlyOne)}; expected the same class folders in train/ and test/, so that every class is both learned and tested.");
        }

        var names = ClassFolders(root, [.. trainClasses.Select(c => Path.Combine(train, c))]);
        stray.AddRange(Visible(Directory.EnumerateFiles(train)).Concat(Visible(Directory.EnumerateFiles(test)))
            .Select(file => new SkippedFile(Relative(root, file), "not in a class folder")));
        var all = names.SelectMany((name, label) =>
            FilesOf(root, Path.Combine(train, name), label, inTest: false).Concat(FilesOf(root, Path.Combine(test, name), label, inTest: true))).ToList();
        return new ImageFolderLayout(root, true, names, all, stray);
    }

    /// <summary>The class names, in ordinal order, after checking their number.</summary>
    private static List<string> ClassFolders(string root, IReadOnlyList<string> folders)
    {
        var names = folders.Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (names.Count < CifarLayout.MinClasses)
        {
            var found = names.Count == 0 ? "no class folder" : $"only one class folder ('{names[0]}')";
            throw new ImageFolderException(root, $"has {found}; {Expected}, for at least {CifarLayout.MinClasses} classes.");
        }

        return names.Count <= CifarLayout.MaxClasses
            ? names
            : throw new ImageFolderException(root, $"has {names.Count} class folders; expected at most {CifarLayout.MaxClasses} (a label is one byte).");
    }

    /// <summary>Every visible file under a class folder, subfolders included, in ordinal order of their paths.</summary>
    private static IEnumerable<Entry> FilesOf(string root, string classFolder, int label, bool? inTest)
    {
        var files = Directory.EnumerateFiles(classFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(file => !Relative(classFolder, file).Split('/').Any(part => part.StartsWith('.')))
            .Select(file => new FileInfo(file))
            .Select(info => new Entry(info.FullName, Relative(root, info.FullName), label, inTest, info.Length, info.LastWriteTimeUtc))
            .OrderBy(entry => entry.RelativePath, StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new ImageFolderException(classFolder, $"the class folder is empty; expected its images (a class needs images in {(inTest is null ? "it" : "train/ and test/")}).");
    }

    private static IEnumerable<string> Visible(IEnumerable<string> paths) => paths.Where(path => !Path.GetFileName(path).StartsWith('.')).Order(StringComparer.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
