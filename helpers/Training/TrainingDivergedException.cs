namespace DeepCnn.Training;

/// <summary>
/// The loss or the weights stopped being finite numbers. Nothing was saved from that state; the message says what the
/// run kept, and where its best epoch is.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception; <paramref name="what"/> says what broke, <paramref name="lastGood"/> where the last good state is.</summary>
    public TrainingDivergedException(int epoch, int batch, string what, double learningRate, string lastGood)
        : base($"Training diverged at epoch {epoch}, batch {batch}: {what}. Nothing was saved from this state; {lastGood} " +
               $"Lower the learning rate (it is {learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}) " +
               "or check the input scaling, then run the set-up and training cells again: that starts a new run.")
    {
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>Epoch at which training broke (from 1).</summary>
    public int Epoch { get; }

    /// <summary>Batch within that epoch (from 1); the epoch's batch count when the weights broke in its last step.</summary>
    public int Batch { get; }
}
