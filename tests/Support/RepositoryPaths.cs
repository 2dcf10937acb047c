namespace DeepCnn.Tests;

/// <summary>Finds the repository root (the folder with AlexNetSeries.slnx) from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static IReadOnlyList<string> NotebookFiles => Directory.GetFiles(Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AlexNetSeries.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AlexNetSeries.slnx above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
