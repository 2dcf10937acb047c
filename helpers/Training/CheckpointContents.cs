namespace DeepCnn.Training;

/// <summary>What a checkpoint stores beside the weights: the run it belongs to, the epoch, and the history up to it.</summary>
/// <param name="FormatVersion">Version of the checkpoint layout.</param>
/// <param name="Run">The run: network settings and shape, optimiser, options, code, data, scaling.</param>
/// <param name="Epoch">The epoch whose weights these are.</param>
/// <param name="History">Every finished epoch of the run up to this one.</param>
/// <param name="SavedAt">When the checkpoint was written.</param>
/// <param name="Hashes">SHA-256 of each binary entry (weights, optimiser state), checked on loading.</param>
public sealed record CheckpointContents(
    int FormatVersion,
    RunDescription Run,
    int Epoch,
    TrainingHistory History,
    DateTimeOffset SavedAt,
    IReadOnlyDictionary<string, string>? Hashes = null)
{
    /// <summary>The results of the epoch whose weights these are.</summary>
    public EpochResult? Result => History.Epochs.FirstOrDefault(e => e.Epoch == Epoch);
}
