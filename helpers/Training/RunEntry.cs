namespace DeepCnn.Training;

/// <summary>A run found in a runs folder: where it is and what its record says.</summary>
/// <param name="Folder">The run's folder.</param>
/// <param name="Record">Its record.</param>
public sealed record RunEntry(string Folder, RunRecord Record)
{
    /// <summary>The run's name (its folder's).</summary>
    public string Name => Path.GetFileName(Folder);

    /// <summary>Its best epoch's checkpoint (which may have been removed).</summary>
    public string BestCheckpoint => Path.Combine(Folder, TrainingRun.BestCheckpoint);

    /// <summary>The best test accuracy of its saved epochs, if any.</summary>
    public double? BestAccuracy => Record.History.Best?.TestAccuracy;

    /// <summary>Whether its checkpoints are still on disk.</summary>
    public bool HasCheckpoints => File.Exists(Path.Combine(Folder, TrainingRun.LastCheckpoint)) || File.Exists(BestCheckpoint);

    /// <summary>Bytes its folder takes on disk.</summary>
    public long DiskBytes => Directory.Exists(Folder) ? new DirectoryInfo(Folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}
