using DeepCnn.ChapterCode;

// dotnet run --project tools/ChapterCode [-- --check]: copy the notebooks' "// @save" cells to helpers/Chapter/, or
// only check that they match (exit 1 and the differences when they do not).
var check = args.Contains("--check");
if (args.Any(a => a != "--check"))
{
    Console.Error.WriteLine("usage: dotnet run --project tools/ChapterCode [-- --check]");
    return 2;
}

var root = FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory);
if (root is null)
{
    Console.Error.WriteLine("error: run this inside the repository (no AlexNetSeries.slnx found above the current folder).");
    return 2;
}

try
{
    if (check)
    {
        var differences = ChapterSync.Differences(root);
        foreach (var difference in differences)
        {
            Console.Error.WriteLine(difference);
        }

        Console.WriteLine(differences.Count == 0 ? $"{ChapterFile.Folder} matches the notebooks' saved cells." : $"{differences.Count} difference(s).");
        return differences.Count == 0 ? 0 : 1;
    }

    var changes = ChapterSync.Write(root);
    foreach (var change in changes)
    {
        Console.WriteLine(change);
    }

    Console.WriteLine(changes.Count == 0 ? $"{ChapterFile.Folder} already matches the notebooks." : "Rebuild helpers/ for the notebooks to use the new copies.");
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static string? FindRoot(string start)
{
    for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "AlexNetSeries.slnx")))
        {
            return folder.FullName;
        }
    }

    return null;
}
