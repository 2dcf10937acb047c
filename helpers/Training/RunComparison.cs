using System.Globalization;
using DeepCnn.Configuration;

namespace DeepCnn.Training;

/// <summary>
/// The runs in a cache side by side, each against one run of reference (the one just trained): what differs in its
/// settings and code, how far it got, its best test accuracy, speed, date and disk use. Notebook 05 ends with it.
/// </summary>
/// <param name="Reference">The run the others are compared with.</param>
/// <param name="Rows">Every run, oldest first.</param>
public sealed record RunComparison(string Reference, IReadOnlyList<RunComparison.Row> Rows)
{
    /// <summary>One run's line.</summary>
    /// <param name="Name">The run.</param>
    /// <param name="StartedAt">When it started.</param>
    /// <param name="Differences">Its settings and code where they differ from the reference's ("learning rate 0.5", "AlexNet code 1a2b3c4d"); empty for the reference.</param>
    /// <param name="Status">Finished, running or diverged.</param>
    /// <param name="Epochs">Saved epochs.</param>
    /// <param name="PlannedEpochs">Epochs asked for.</param>
    /// <param name="BestTestAccuracy">Its best test accuracy, if an epoch was saved.</param>
    /// <param name="ImagesPerSecond">Its speed over every step.</param>
    /// <param name="TestAccuracyPerEpoch">Test accuracy after each saved epoch, for the chart.</param>
    /// <param name="DiskBytes">What its folder takes on disk.</param>
    /// <param name="HasCheckpoints">Whether its checkpoints are still there (old runs' are removed beyond the limit).</param>
    public sealed record Row(
        string Name, DateTimeOffset StartedAt, IReadOnlyList<string> Differences, RunStatus Status, int Epochs, int PlannedEpochs,
        double? BestTestAccuracy, double ImagesPerSecond, IReadOnlyList<double> TestAccuracyPerEpoch, long DiskBytes, bool HasCheckpoints);

    /// <summary>The runs under <paramref name="runsFolder"/>, compared with the run named <paramref name="reference"/>.</summary>
    public static RunComparison Of(string runsFolder, string reference)
    {
        var runs = Runs.In(runsFolder);
        var mine = runs.FirstOrDefault(r => r.Name == reference)?.Record.Description;
        var rows = runs.Select(r => new Row(
            r.Name, r.Record.Description.StartedAt, mine is null || r.Name == reference ? [] : Differences(mine, r.Record.Description),
            r.Record.Status, r.Record.History.Epochs.Count, r.Record.Description.Options.Epochs, r.BestAccuracy, r.Record.ImagesPerSecond,
            r.Record.History.Epochs.Select(e => e.TestAccuracy).ToList(), r.DiskBytes, r.HasCheckpoints)).ToList();
        return new RunComparison(reference, rows);
    }

    /// <summary>The disk all runs take.</summary>
    public long DiskBytes => Rows.Sum(r => r.DiskBytes);

    /// <summary>What differs between two runs' descriptions, in words, the second's values shown.</summary>
    public static IReadOnlyList<string> Differences(RunDescription reference, RunDescription other)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        differences.AddRange(PropertyDifferences(reference.Config, other.Config));
        differences.AddRange(PropertyDifferences(reference.Options, other.Options)
            .Where(d => !d.StartsWith(nameof(TrainingOptions.KeepRuns), StringComparison.Ordinal)));
        if (reference.Optimizer.Type != other.Optimizer.Type)
        {
            differences.Add($"optimiser {other.Optimizer}");
        }
        else
        {
            differences.AddRange(other.Optimizer.Settings
                .Where(s => reference.Optimizer.Settings.GetValueOrDefault(s.Key) != s.Value && !differences.Any(d => d.StartsWith(s.Key, StringComparison.Ordinal)))
                .Select(s => $"{s.Key} {s.Value}"));
        }

        if (reference.Loss != other.Loss)
        {
            differences.Add($"loss {other.Loss}");
        }

        differences.AddRange(other.Code.Where(c => reference.Code.GetValueOrDefault(c.Key)?.Split(' ')[0] != c.Value.Split(' ')[0])
            .Select(c => $"{c.Key} code {c.Value.Split(' ')[0]}"));
        if (reference.Data.Name != other.Data.Name || reference.TrainImages != other.TrainImages || reference.TestImages != other.TestImages)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"data {other.Data.Name} ({other.TrainImages:N0}/{other.TestImages:N0})"));
        }

        if (reference.Network.TotalParameters != other.Network.TotalParameters)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{other.Network.TotalParameters:N0} parameters"));
        }

        return differences;
    }

    private static IEnumerable<string> PropertyDifferences<T>(T reference, T other) where T : class =>
        EnvironmentOverrides.OverridableProperties(typeof(T))
            .Select(p => (p.Name, Mine: EnvironmentOverrides.Format(p.GetValue(reference)), Theirs: EnvironmentOverrides.Format(p.GetValue(other))))
            .Where(p => p.Mine != p.Theirs)
            .Select(p => $"{p.Name} {p.Theirs}");
}
