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

    /// <summary>
    /// Bytes its folder takes on disk. While the newest epoch is the best, <c>best.ckpt</c> is a hard link to
    /// <c>last.ckpt</c> (<see cref="IO.AtomicFile.Link"/>): one file under two names, counted once. The two are taken as
    /// one file when they have the same length and modification time to the tick, as two names of one file always do.
    /// </summary>
    public long DiskBytes
    {
        get
        {
            if (!Directory.Exists(Folder))
            {
                return 0;
            }

            var files = new DirectoryInfo(Folder).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            var last = files.FirstOrDefault(f => f.Name == TrainingRun.LastCheckpoint);
            var best = files.FirstOrDefault(f => f.Name == TrainingRun.BestCheckpoint);
            var linked = last is not null && best is not null && !OperatingSystem.IsWindows()
                && last.Length == best.Length && last.LastWriteTimeUtc == best.LastWriteTimeUtc;
            return files.Sum(f => f.Length) - (linked ? best!.Length : 0);
        }
    }
}
