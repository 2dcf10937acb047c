namespace DeepCnn.Benchmarks;

/// <summary>One side's value of a figure, with the per-repetition values it is the median of (when it is one).</summary>
/// <param name="Value">The figure: a median, or a single reading.</param>
/// <param name="Samples">The per-repetition values in the order they ran (empty for a single reading).</param>
public sealed record Reading(double Value, IReadOnlyList<double> Samples)
{
    /// <summary>A single reading with no repetitions behind it.</summary>
    public static Reading Of(double value) => new(value, []);

    /// <summary>The median of <paramref name="samples"/>, keeping them.</summary>
    public static Reading MedianOf(IReadOnlyList<double> samples) => new(Ratios.Median(samples), samples.ToArray());
}
