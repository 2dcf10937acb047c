using System.Globalization;

namespace DeepCnn.Benchmarks;

/// <summary>
/// The ceiling every "share of the ceiling" figure and target is read against: the higher of the processor's
/// theoretical peak and the fastest product measured in the run. A measured product can pass the theoretical figure
/// only when the clock runs above the one assumed, and the theoretical figure can be far above what the BLAS reaches
/// (oneMKL on AMD processors, for one), so neither alone is a safe ceiling.
/// </summary>
/// <param name="TheoreticalGflops">cores x FLOPs per cycle x clock; null where it was not estimated (a GPU, a processor outside the table).</param>
/// <param name="Theoretical">The theoretical figure's arithmetic and what was assumed, or why there is none.</param>
/// <param name="MeasuredGflops">The fastest single product of the run, either side.</param>
/// <param name="Measured">Which product that was, e.g. "C# (oneMKL) 4096x4096".</param>
public sealed record CeilingReading(double? TheoreticalGflops, string Theoretical, double MeasuredGflops, string Measured)
{
    /// <summary>The ceiling used: the higher of the two.</summary>
    public double Gflops => Math.Max(TheoreticalGflops ?? 0, MeasuredGflops);

    /// <summary>Which of the two the ceiling is.</summary>
    public string Basis => TheoreticalGflops is { } t && t >= MeasuredGflops ? "theoretical peak" : "fastest measured product";

    /// <summary>One paragraph for the report.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Ceiling {Gflops:F1} GFLOP/s, the {Basis}. Theoretical peak: ") +
        Theoretical +
        string.Create(CultureInfo.InvariantCulture, $". Fastest measured product: {MeasuredGflops:F1} GFLOP/s ({Measured})") +
        (TheoreticalGflops is { } peak ? string.Create(CultureInfo.InvariantCulture, $", {100 * MeasuredGflops / peak:F0}% of the theoretical peak.") : ".");
}
