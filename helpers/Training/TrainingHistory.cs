using System.Text.Json.Serialization;

namespace DeepCnn.Training;

/// <summary>Every finished epoch of a run, in order.</summary>
public sealed record TrainingHistory
{
    /// <summary>Finished (saved) epochs, in order.</summary>
    public List<EpochResult> Epochs { get; init; } = [];

    /// <summary>The moving-average loss after each SGD step, across epochs.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> MovingLoss => Epochs.SelectMany(e => e.MovingLossPerStep).ToList();

    /// <summary>The last finished epoch, if any.</summary>
    [JsonIgnore]
    public EpochResult? Last => Epochs.Count > 0 ? Epochs[^1] : null;

    /// <summary>The epoch with the highest test accuracy (the earliest of equals), if any.</summary>
    [JsonIgnore]
    public EpochResult? Best => Epochs.Count > 0 ? Epochs.MaxBy(e => e.TestAccuracy) : null;

    /// <summary>Training images per second over every step of every epoch (not just the last epoch's).</summary>
    public double MeanImagesPerSecond(int batchSize)
    {
        var seconds = Epochs.Sum(e => e.TrainSeconds);
        return seconds > 0 ? Epochs.Sum(e => (double)e.Steps) * batchSize / seconds : 0;
    }
}
