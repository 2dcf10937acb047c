using System.Text.Json;

namespace DeepCnn.Training;

/// <summary>The runs kept in a cache's runs folder: the records notebook 05 compares and notebook 06 loads.</summary>
public static class Runs
{
    /// <summary>Every readable run under <paramref name="runsFolder"/>, oldest first (folders without a readable record are skipped).</summary>
    public static IReadOnlyList<RunEntry> In(string runsFolder)
    {
        var full = Path.GetFullPath(runsFolder);
        if (!Directory.Exists(full))
        {
            return [];
        }

        var entries = new List<RunEntry>();
        foreach (var folder in Directory.GetDirectories(full))
        {
            if (Read(folder) is { } record)
            {
                entries.Add(new RunEntry(folder, record));
            }
        }

        return entries.OrderBy(e => e.Record.Description.StartedAt).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The checkpoint notebook 06 evaluates: with <paramref name="choice"/> null, the best epoch of the latest finished
    /// run under <paramref name="runsFolder"/>; otherwise the run of that name there, a run folder, or a checkpoint file
    /// (a run or a checkpoint a teacher handed out).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no finished run, or nothing at <paramref name="choice"/>; the message says what to do.</exception>
    public static string CheckpointToEvaluate(string runsFolder, string? choice = null)
    {
        if (string.IsNullOrWhiteSpace(choice))
        {
            var latest = In(runsFolder).LastOrDefault(r => r.Record.Status == RunStatus.Finished && File.Exists(r.BestCheckpoint))
                ?? throw new FileNotFoundException(
                    $"No finished run with a checkpoint in {Path.GetFullPath(runsFolder)}. Run notebook 05 (training) to the end first, " +
                    "or name a run or a checkpoint file a teacher gave you.");
            return latest.BestCheckpoint;
        }

        var named = Path.Combine(Path.GetFullPath(runsFolder), choice);
        foreach (var candidate in new[] { named, Path.GetFullPath(choice) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(candidate))
            {
                var best = Path.Combine(candidate, TrainingRun.BestCheckpoint);
                return File.Exists(best)
                    ? best
                    : throw new FileNotFoundException($"The run folder {candidate} has no {TrainingRun.BestCheckpoint}: no epoch of it was saved, or its checkpoints were removed.", best);
            }
        }

        throw new FileNotFoundException(
            $"'{choice}' is neither a run in {Path.GetFullPath(runsFolder)} nor a run folder or checkpoint file; " +
            $"runs there: {string.Join(", ", In(runsFolder).Select(r => r.Name).DefaultIfEmpty("none"))}.", choice);
    }

    private static RunRecord? Read(string folder)
    {
        var path = Path.Combine(folder, TrainingRun.RecordFile);
        try
        {
            return File.Exists(path) && new FileInfo(path).Length > 0
                ? JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), RunStorage.Json)
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
