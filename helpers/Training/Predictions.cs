namespace DeepCnn.Training;

/// <summary>A model's predictions over a split: per image the true class, the predicted class and its probability.</summary>
public sealed record Predictions(int[] Indices, int[] Actual, int[] Predicted, float[] Confidence)
{
    /// <summary>Number of images.</summary>
    public int Count => Actual.Length;

    /// <summary>The <paramref name="count"/> wrong predictions the model was surest of (position in this record, most confident first).</summary>
    public int[] MostConfidentMistakes(int count) =>
        Enumerable.Range(0, Count).Where(i => Actual[i] != Predicted[i])
            .OrderByDescending(i => Confidence[i]).Take(count).ToArray();
}
