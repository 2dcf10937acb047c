namespace DeepCnn.Training;

/// <summary>Counts of (true class, predicted class) pairs, and the per-class accuracy they imply.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] counts;

    /// <summary>An empty matrix for <paramref name="classCount"/> classes.</summary>
    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        counts = new int[classCount, classCount];
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount => counts.GetLength(0);

    /// <summary>Images of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => counts[actual, predicted];

    /// <summary>All images counted.</summary>
    public int Total { get; private set; }

    /// <summary>Builds the matrix of a set of predictions.</summary>
    public static ConfusionMatrix From(Predictions predictions, int classCount)
    {
        var matrix = new ConfusionMatrix(classCount);
        for (var i = 0; i < predictions.Count; i++)
        {
            matrix.Add(predictions.Actual[i], predictions.Predicted[i]);
        }

        return matrix;
    }

    /// <summary>Counts one prediction.</summary>
    public void Add(int actual, int predicted)
    {
        if ((uint)actual >= ClassCount || (uint)predicted >= ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(actual), $"Classes must be in 0..{ClassCount - 1}; got actual {actual}, predicted {predicted}.");
        }

        counts[actual, predicted]++;
        Total++;
    }

    /// <summary>Images predicted correctly: the diagonal (the accuracy itself is notebook 05's <c>Accuracy.Of</c>).</summary>
    public int Correct => Enumerable.Range(0, ClassCount).Sum(c => counts[c, c]);

    /// <summary>For each class, the fraction of its images predicted correctly (NaN for a class with no images).</summary>
    public double[] PerClassAccuracy() => Enumerable.Range(0, ClassCount).Select(c =>
    {
        var row = Enumerable.Range(0, ClassCount).Sum(p => counts[c, p]);
        return row == 0 ? double.NaN : counts[c, c] / (double)row;
    }).ToArray();

    /// <summary>A copy of the raw counts, [true class, predicted class].</summary>
    public static int[,] Counts(ConfusionMatrix matrix) => (int[,])matrix.counts.Clone();

    /// <summary>Each row divided by its total: where the images of each true class went.</summary>
    public double[,] RowNormalised()
    {
        var result = new double[ClassCount, ClassCount];
        for (var a = 0; a < ClassCount; a++)
        {
            var row = Enumerable.Range(0, ClassCount).Sum(p => counts[a, p]);
            for (var p = 0; p < ClassCount; p++)
            {
                result[a, p] = row == 0 ? 0 : counts[a, p] / (double)row;
            }
        }

        return result;
    }
}
