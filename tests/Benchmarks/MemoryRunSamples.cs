using DeepCnn.Benchmarks.Memory;

namespace DeepCnn.Tests.Benchmarks;

/// <summary>Allocator-run results for the report and target tests.</summary>
internal static class MemoryRunSamples
{
    public static MemoryRunResult Run(string variant, string allocator, double peakMb, double[]? stepSeconds = null, int batch = 64) => new(
        variant, batch, allocator, $"{allocator} setting", 170_000_000, (long)(peakMb * 1e6), true, stepSeconds ?? [1.0, 1.1, 0.9],
        [800_000_000, 820_000_000], 600_000_000, (long)(peakMb * 1e6), 400, allocator == "tuned" ? 30 : 120_000, "CPU, 2 threads");
}
