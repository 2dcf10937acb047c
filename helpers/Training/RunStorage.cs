using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeepCnn.Models;

namespace DeepCnn.Training;

/// <summary>The runs folder on disk: claiming a new run's folder, checking room, reading records, pruning old checkpoints.</summary>
internal static class RunStorage
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Bytes one checkpoint of this network takes: four per weight, and as many again for each tensor the optimiser keeps
    /// per weight (SGD's momentum: one; Adam: two; three to be safe when unknown), plus a little for the record.
    /// </summary>
    public static long CheckpointBytes(NetworkDescription network, OptimizerDescription optimizer)
    {
        var perWeight = optimizer.Type switch
        {
            "SGD" => optimizer.Settings.TryGetValue("Momentum", out var m) && m != "0" ? 1 : 0,
            "Adam" or "AdamW" => optimizer.Settings.TryGetValue("Amsgrad", out var a) && a == "True" ? 3 : 2,
            _ => 3,
        };
        return 4 * network.TotalParameters * (1 + perWeight) + 1_000_000;
    }

    /// <summary>Checks that <paramref name="folder"/> can be written and has <paramref name="bytes"/> free; creates it.</summary>
    /// <exception cref="IOException">It cannot, or has not; the message says where and how much.</exception>
    public static void EnsureRoom(string folder, long bytes)
    {
        var full = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, new byte[] { 1 });
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The runs folder {full} cannot be written ({e.Message}); a run saves its checkpoints there. " +
                                  "Fix its permissions or choose another CacheFolder.", e);
        }

        var free = new DriveInfo(full).AvailableFreeSpace;
        if (free < bytes)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture,
                $"The runs folder {full} has {free / 1e6:N0} MB free, but a run needs about {bytes / 1e6:N0} MB for its two checkpoints ") +
                "(the last epoch and the best one). Free some space (README says how to delete old runs) or choose another CacheFolder.");
        }
    }

    /// <summary>Creates a folder of its own under <paramref name="runsFolder"/> named <paramref name="stem"/> (or stem-2, -3, ...), claimed by creating its record first.</summary>
    public static (string Name, string Folder) Claim(string runsFolder, string stem)
    {
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? stem : $"{stem}-{n}";
            var folder = Path.Combine(Path.GetFullPath(runsFolder), name);
            Directory.CreateDirectory(folder);
            try
            {
                // Whoever creates the record first owns the folder; another process starting in the same second moves on.
                using (new FileStream(Path.Combine(folder, TrainingRun.RecordFile), FileMode.CreateNew, FileAccess.Write))
                {
                }

                return (name, folder);
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, TrainingRun.RecordFile)))
            {
            }
        }
    }

    /// <summary>Removes the checkpoints of finished runs beyond the newest <paramref name="keepRuns"/> (never the best run's, never <paramref name="keep"/>'s).</summary>
    public static void Prune(string runsFolder, int keepRuns, string keep)
    {
        var runs = Runs.In(runsFolder);
        var best = runs.Where(r => r.BestAccuracy is not null).MaxBy(r => r.BestAccuracy)?.Name;
        foreach (var old in runs.OrderByDescending(r => r.Record.Description.StartedAt).Skip(keepRuns)
                     .Where(r => r.Name != keep && r.Name != best && r.Record.Status != RunStatus.Running && r.HasCheckpoints))
        {
            foreach (var file in new[] { TrainingRun.LastCheckpoint, TrainingRun.BestCheckpoint })
            {
                try
                {
                    File.Delete(Path.Combine(old.Folder, file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A checkpoint that cannot be removed now stays; the runs table still shows its disk use.
                }
            }
        }
    }
}
