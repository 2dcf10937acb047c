using DeepCnn.Compute;
using DeepCnn.Plotting;

namespace DeepCnn.Figures;

/// <summary>Charts of measured throughput (notebook 02).</summary>
public static class ComputeFigures
{
    /// <summary>Matrix-multiply GFLOP/s against matrix size, one line per thread count (and the GPU, when measured).</summary>
    public static Figure MatrixMultiply(IReadOnlyList<ThroughputResult> results, string machine) => Charts.Lines(
        $"float32 matrix multiply on {machine}", "matrix size n (n x n times n x n)", "GFLOP/s",
        results.Where(r => !r.Skipped).GroupBy(r => Label(r.Device, r.Threads))
            .Select(g => new Series(g.Key, g.Select(r => (double)r.Size).ToArray(), g.Select(r => r.GflopsPerSecond).ToArray()))
            .ToList(), markers: true, logX: true);

    /// <summary>Any set of throughput results as bars, labelled by device and threads.</summary>
    public static Figure Bars(string title, IReadOnlyList<ThroughputResult> results) => Charts.Bars(title,
        results.Where(r => !r.Skipped).Select(r => Label(r.Device, r.Threads)).ToList(),
        results.Where(r => !r.Skipped).Select(r => r.GflopsPerSecond).ToList(), "GFLOP/s", "N1");

    /// <summary>Memory bandwidth per thread count (measured) beside published figures.</summary>
    public static Figure Bandwidth(IReadOnlyList<BandwidthResult> measured, IReadOnlyList<PublishedPeak> published)
    {
        var entries = measured.Where(m => !m.Skipped).Select(m => ($"{Label(m.Device, m.Threads)} (measured)", m.GigabytesPerSecond))
            .Concat(published.Select(p => ($"{p.Name} (published)", p.MemoryBandwidthGBs))).ToList();
        return Charts.HorizontalBars("Memory bandwidth: measured here vs published", entries.Select(e => e.Item1).ToList(),
            entries.Select(e => e.Item2).ToList(), "GB/s", "N0", logScale: true);
    }

    private static string Label(string device, int threads) =>
        device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) ? "GPU" : $"CPU, {threads} thread{(threads == 1 ? "" : "s")}";
}
