using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>
/// How fast one computation ran: floating-point operations per second, from the median of its timed runs. A
/// measurement that could not run (a GPU one on a machine without CUDA) is <see cref="Skipped"/>: it carries the
/// reason and no numbers, so a notebook can print it and leave it out of its charts.
/// </summary>
/// <param name="Name">What ran, e.g. "matmul" or "conv1 11x11/4".</param>
/// <param name="Size">Its size: n for an n x n matrix product, the batch for a convolution.</param>
/// <param name="Threads">TorchSharp CPU threads it ran with (on a GPU, the host's threads, which barely matter).</param>
/// <param name="Device">Where it ran: "cpu" or "cuda:N".</param>
/// <param name="FlopsPerRun">Floating-point operations in one run (a multiply-add counts as 2).</param>
/// <param name="Time">The timed runs; null when skipped.</param>
/// <param name="SkipReason">Why it did not run; null when it did.</param>
public sealed record ThroughputResult(string Name, int Size, int Threads, string Device, long FlopsPerRun, Measurement? Time,
    string? SkipReason = null)
{
    /// <summary>True when it did not run; <see cref="SkipReason"/> says why.</summary>
    public bool Skipped => Time is null;

    /// <summary>Median seconds per run (NaN when skipped).</summary>
    public double MedianSeconds => Time?.Median ?? double.NaN;

    /// <summary>Billions of floating-point operations per second at the median time (NaN when skipped).</summary>
    public double GflopsPerSecond => Time is { } time ? FlopsPerRun / time.Median / 1e9 : double.NaN;

    /// <summary>Seconds of every timed run (empty when skipped).</summary>
    public IReadOnlyList<double> Samples => Time?.Samples ?? [];

    /// <summary>A result that says why <paramref name="name"/> did not run.</summary>
    public static ThroughputResult Skip(string name, int size, string device, long flopsPerRun, string reason) =>
        new(name, size, CpuThreads.Current, device, flopsPerRun, null, reason);

    /// <summary>"matmul 1024, 2 threads, cpu: 48.1 GFLOP/s (44.65 ms, 2.15 GFLOP per run)" or "... skipped: reason".</summary>
    public override string ToString() => Time is { } time
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Name} {Size}, {Threads} thread{(Threads == 1 ? "" : "s")}, {Device}: {GflopsPerSecond:F1} GFLOP/s ({time.Median * 1e3:F2} ms, {FlopsPerRun / 1e9:G3} GFLOP per run)")
        : $"{Name} {Size}, {Device}: skipped: {SkipReason}";
}
