namespace DeepCnn.Training;

/// <summary>The loss became NaN or infinite; training stopped before anything broken was saved.</summary>
public sealed class TrainingDivergedException(int epoch, int batch, double loss, double learningRate)
    : Exception($"Training diverged: the loss became {loss} at epoch {epoch}, batch {batch}. Nothing was saved from this state; " +
                $"the last checkpoint (if any) is intact. Lower the learning rate (it is {learningRate}) or check the input scaling.")
{
    /// <summary>Epoch at which the loss stopped being finite (from 1).</summary>
    public int Epoch { get; } = epoch;

    /// <summary>Batch within that epoch (from 1).</summary>
    public int Batch { get; } = batch;
}
