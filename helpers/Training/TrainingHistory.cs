namespace DeepCnn.Training;

/// <summary>Every epoch's results and the moving-average loss after every step.</summary>
public sealed record TrainingHistory
{
    /// <summary>Completed epochs, in order.</summary>
    public List<EpochResult> Epochs { get; init; } = [];

    /// <summary>The moving-average loss after each SGD step, across epochs.</summary>
    public List<double> MovingLoss { get; init; } = [];

    /// <summary>The last completed epoch, if any.</summary>
    public EpochResult? Last => Epochs.Count > 0 ? Epochs[^1] : null;
}
