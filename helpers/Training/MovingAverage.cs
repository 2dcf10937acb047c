namespace DeepCnn.Training;

/// <summary>
/// The chapter's moving-average loss: the first batch's loss, then <c>(1 - s) * moving + s * loss</c> for every
/// later batch, across epochs (s = 0.01: roughly the mean of the last hundred batches).
/// </summary>
public sealed class MovingAverage(double smoothing)
{
    /// <summary>The current average, or NaN before the first value.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>Folds in one batch's loss and returns the new average.</summary>
    public double Add(double loss)
    {
        Value = double.IsNaN(Value) ? loss : (1 - smoothing) * Value + smoothing * loss;
        return Value;
    }
}
