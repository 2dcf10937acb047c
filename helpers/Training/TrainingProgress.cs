namespace DeepCnn.Training;

/// <summary>A progress report: one per batch, plus one when an epoch completes (<see cref="CompletedEpoch"/> set).</summary>
/// <param name="Phase">What is running.</param>
/// <param name="Epoch">Epoch, counting from 1.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">Batch within the phase, counting from 1.</param>
/// <param name="Batches">Batches in the phase.</param>
/// <param name="MovingLoss">The chapter's moving-average loss so far.</param>
/// <param name="ImagesPerSecond">Training throughput of this epoch so far.</param>
/// <param name="CompletedEpoch">The finished epoch's results, on the last report of an epoch.</param>
public sealed record TrainingProgress(
    TrainingPhase Phase, int Epoch, int Epochs, int Batch, int Batches, double MovingLoss, double ImagesPerSecond,
    EpochResult? CompletedEpoch = null)
{
    /// <summary>Fraction of the whole run done, for a progress bar.</summary>
    public double Fraction
    {
        get
        {
            // Training dominates the cost; evaluation is counted as the last tenth of each epoch.
            var within = Phase == TrainingPhase.Training
                ? 0.9 * Batch / Math.Max(1, Batches)
                : 0.9 + 0.1 * Batch / Math.Max(1, Batches);
            return CompletedEpoch is not null ? (double)Epoch / Epochs : (Epoch - 1 + within) / Epochs;
        }
    }
}
