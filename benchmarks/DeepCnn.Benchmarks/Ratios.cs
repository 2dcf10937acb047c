using DeepCnn.Compute;

namespace DeepCnn.Benchmarks;

/// <summary>The arithmetic behind every figure, kept apart so tests can pin it down.</summary>
public static class Ratios
{
    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyList<double> values) => Measurement.MedianOf(values);

    /// <summary><paramref name="csharp"/> / <paramref name="python"/>; null when either is missing or not finite, or Python's is zero.</summary>
    public static double? Ratio(double? csharp, double? python) =>
        csharp is { } c && python is { } p && double.IsFinite(c) && double.IsFinite(p) && p != 0 ? c / p : null;

    /// <summary>
    /// Whether a ratio favours C# (at least 1 where higher is better, at most 1 where lower is), read at the two decimals
    /// the report prints, so a printed 1.00 is never called behind; null when not judged.
    /// </summary>
    public static bool? AtLeastAsGood(Better better, double? ratio) => ratio is not { } r || better == Better.Neither
        ? null
        : better == Better.Higher ? Math.Round(r, 2) >= 1 : Math.Round(r, 2) <= 1;

    /// <summary>Images per second for <paramref name="images"/> processed in <paramref name="seconds"/>.</summary>
    public static double ImagesPerSecond(int images, double seconds) => Positive(seconds, images / seconds);

    /// <summary>Billions of floating-point operations per second.</summary>
    public static double Gflops(double flops, double seconds) => Positive(seconds, flops / seconds / 1e9);

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>.</summary>
    public static double Percent(double part, double whole) => Positive(whole, 100 * part / whole);

    /// <summary>Growth from <paramref name="before"/> to <paramref name="after"/>, in percent of <paramref name="before"/>.</summary>
    public static double GrowthPercent(double before, double after) => Positive(before, 100 * (after - before) / before);

    /// <summary>Bytes in (decimal) megabytes, as the report prints memory.</summary>
    public static double Megabytes(long bytes) => bytes / 1e6;

    private static double Positive(double denominator, double value) => denominator > 0 && double.IsFinite(denominator)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Expected a positive, finite amount to divide by.");
}
