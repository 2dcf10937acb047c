namespace DeepCnn.Compute;

/// <summary>
/// The timed repetitions of one piece of work, in seconds. The median is the number to quote: unlike the mean, one
/// run slowed down by another process on the machine barely moves it. Min and max show how noisy the machine was.
/// </summary>
/// <param name="Samples">Seconds per repetition, in the order they ran (warm-up runs are not among them).</param>
public sealed record Measurement(IReadOnlyList<double> Samples)
{
    /// <summary>Seconds per repetition, in the order they ran (warm-up runs are not among them).</summary>
    public IReadOnlyList<double> Samples { get; } = Samples is { Count: > 0 }
        ? Samples.ToArray()
        : throw new ArgumentException("A measurement needs at least one sample.", nameof(Samples));

    /// <summary>The middle sample (the mean of the two middle ones for an even count).</summary>
    public double Median => MedianOf(Samples);

    /// <summary>The fastest repetition.</summary>
    public double Min => Samples.Min();

    /// <summary>The slowest repetition.</summary>
    public double Max => Samples.Max();

    /// <summary>The median of <paramref name="values"/>: the middle value once sorted, or the mean of the two middle ones.</summary>
    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"12.345 ms (min 11.900, max 14.020, 5 runs)".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Median * 1e3:F3} ms (min {Min * 1e3:F3}, max {Max * 1e3:F3}, {Samples.Count} runs)");
}
