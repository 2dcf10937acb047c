namespace DeepCnn.Data;

/// <summary>A data set in the CIFAR-10 binary layout: both splits, the class names and what it is (<see cref="DataOrigin"/>).</summary>
public sealed record CifarDataSet(CifarSplit Train, CifarSplit Test, IReadOnlyList<string> ClassNames, DataOrigin Origin)
{
    /// <summary>Number of classes, as the data lists them.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>How the images spread over the classes in both splits, with a sentence saying whether they are balanced.</summary>
    public ClassBalance Balance() => ClassBalance.Of(this);

    /// <summary>The same data set cut to the first <paramref name="trainCount"/> / <paramref name="testCount"/> images (null keeps a split whole).</summary>
    public CifarDataSet Subset(int? trainCount, int? testCount) =>
        this with { Train = Train.Take(trainCount), Test = Test.Take(testCount) };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Origin.Name}: {Train.Count:N0} train / {Test.Count:N0} test images, {ClassNames.Count} classes ({Origin.Location})";
}
