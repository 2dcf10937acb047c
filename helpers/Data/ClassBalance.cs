namespace DeepCnn.Data;

/// <summary>
/// How the images of a data set spread over its classes, in both splits, and what that means for reading accuracy:
/// <see cref="Sentence"/> says it in words computed from the counts, so a notebook never claims a balance its data lacks.
/// </summary>
/// <param name="ClassNames">The classes, in label order.</param>
/// <param name="TrainCounts">Training images per class.</param>
/// <param name="TestCounts">Test images per class.</param>
public sealed record ClassBalance(IReadOnlyList<string> ClassNames, IReadOnlyList<int> TrainCounts, IReadOnlyList<int> TestCounts)
{
    /// <summary>
    /// The largest class may have at most this many times the images of the smallest, in each split, for the classes to
    /// count as roughly balanced (a random subset of balanced data stays within it; 146 against 152 images does).
    /// </summary>
    public const double RoughBalanceRatio = 1.25;

    /// <summary>Counts the images per class of both splits of <paramref name="data"/>.</summary>
    public static ClassBalance Of(CifarDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ClassBalance(data.ClassNames, data.Train.ClassCounts(data.ClassCount), data.Test.ClassCounts(data.ClassCount));
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>True when every class has exactly as many images as every other, in each split.</summary>
    public bool IsBalanced => TrainCounts.Distinct().Count() == 1 && TestCounts.Distinct().Count() == 1;

    /// <summary>True when, in each split, the largest class has at most <see cref="RoughBalanceRatio"/> times the images of the smallest.</summary>
    public bool IsRoughlyBalanced => WithinRatio(TrainCounts) && WithinRatio(TestCounts);

    /// <summary>The share of test images in the largest test class: what always answering that class would score.</summary>
    public double MajorityShare => TestCounts.Sum() == 0 ? 0 : (double)TestCounts.Max() / TestCounts.Sum();

    /// <summary>What guessing uniformly at random would score: one over the number of classes.</summary>
    public double Chance => 1.0 / ClassCount;

    /// <summary>The class with the fewest images of a split (the first such class), and its count.</summary>
    public (string Name, int Count) Smallest(IReadOnlyList<int> counts) => Pick(counts, counts.Min());

    /// <summary>The class with the most images of a split (the first such class), and its count.</summary>
    public (string Name, int Count) Largest(IReadOnlyList<int> counts) => Pick(counts, counts.Max());

    /// <summary>Two or three sentences on the balance of the classes and what it means for accuracy, from the counts.</summary>
    public string Sentence
    {
        get
        {
            var chance = $"1/{ClassCount} = {Percent(Chance)}";
            if (IsBalanced)
            {
                return $"{ClassCount} classes, balanced: every class has {TrainCounts[0]:N0} training and {TestCounts[0]:N0} test images. " +
                       $"Plain accuracy is a fair summary, and guessing at random would score {chance}.";
            }

            var spread = $"{Spread(TrainCounts, "training")}, {Spread(TestCounts, "test")}";
            if (IsRoughlyBalanced)
            {
                return $"{ClassCount} classes, roughly balanced but not exactly: {spread}. " +
                       $"Plain accuracy is still a fair summary, and guessing at random would score about {chance}.";
            }

            var largest = Largest(TestCounts);
            var empty = ClassNames.Where((_, c) => TrainCounts[c] == 0 || TestCounts[c] == 0).ToList();
            var emptyNote = empty.Count == 0 ? "" : $" {Quote(empty)} {(empty.Count == 1 ? "has" : "have")} no images in one of the splits.";
            return $"{ClassCount} classes, not balanced: {spread}.{emptyNote} A network that always answered '{largest.Name}' would score " +
                   $"{Percent(MajorityShare)} on the test split, against {chance} for guessing at random: read accuracy against that, " +
                   "and look at the accuracy of each class.";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Sentence;

    private static bool WithinRatio(IReadOnlyList<int> counts) => counts.Min() > 0 && counts.Max() <= RoughBalanceRatio * counts.Min();

    private (string Name, int Count) Pick(IReadOnlyList<int> counts, int value)
    {
        var index = counts.Select((count, c) => (count, c)).First(pair => pair.count == value).c;
        return (ClassNames[index], value);
    }

    private string Spread(IReadOnlyList<int> counts, string split)
    {
        var (small, large) = (Smallest(counts), Largest(counts));
        return small.Count == large.Count
            ? $"every class has {small.Count:N0} {split} images"
            : $"{split} images per class range from {small.Count:N0} ('{small.Name}') to {large.Count:N0} ('{large.Name}')";
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));

    // Written the same in every culture: "10.0%".
    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
