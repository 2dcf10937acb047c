namespace DeepCnn.Data;

/// <summary>A CIFAR-format data set: both splits, the class names and where it came from.</summary>
public sealed record CifarDataSet(CifarSplit Train, CifarSplit Test, IReadOnlyList<string> ClassNames, DataOrigin Origin)
{
    /// <summary>The same data set cut to the first <paramref name="trainCount"/> / <paramref name="testCount"/> images (null keeps a split whole).</summary>
    public CifarDataSet Subset(int? trainCount, int? testCount) =>
        this with { Train = Train.Take(trainCount), Test = Test.Take(testCount) };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Origin.Name}: {Train.Count:N0} train / {Test.Count:N0} test images, {ClassNames.Count} classes ({Origin.Location})";
}
