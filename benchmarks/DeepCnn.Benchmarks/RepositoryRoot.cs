namespace DeepCnn.Benchmarks;

/// <summary>Finds the repository (the folder with AlexNetSeries.slnx), so paths work from any working directory.</summary>
public static class RepositoryRoot
{
    /// <summary>The solution file that marks the root.</summary>
    public const string Marker = "AlexNetSeries.slnx";

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <see cref="Marker"/>; null when none does.</summary>
    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
