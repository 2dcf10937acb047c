using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>
/// How fast memory streamed through one operation: bytes read plus bytes written per second, from the median of its
/// timed runs. Skipped (no numbers, a reason) when it could not run.
/// </summary>
/// <param name="Name">What ran, e.g. "a.add_(b)".</param>
/// <param name="Megabytes">Size of each array in MB (10^6 bytes).</param>
/// <param name="Threads">TorchSharp CPU threads it ran with.</param>
/// <param name="Device">Where it ran: "cpu" or "cuda:N".</param>
/// <param name="BytesPerRun">Bytes read plus bytes written by one run.</param>
/// <param name="Time">The timed runs; null when skipped.</param>
/// <param name="SkipReason">Why it did not run; null when it did.</param>
public sealed record BandwidthResult(string Name, int Megabytes, int Threads, string Device, long BytesPerRun, Measurement? Time,
    string? SkipReason = null)
{
    /// <summary>True when it did not run; <see cref="SkipReason"/> says why.</summary>
    public bool Skipped => Time is null;

    /// <summary>Median seconds per run (NaN when skipped).</summary>
    public double MedianSeconds => Time?.Median ?? double.NaN;

    /// <summary>GB (10^9 bytes, as memory vendors count) per second at the median time (NaN when skipped).</summary>
    public double GigabytesPerSecond => Time is { } time ? BytesPerRun / time.Median / 1e9 : double.NaN;

    /// <summary>Seconds of every timed run (empty when skipped).</summary>
    public IReadOnlyList<double> Samples => Time?.Samples ?? [];

    /// <summary>A result that says why <paramref name="name"/> did not run.</summary>
    public static BandwidthResult Skip(string name, int megabytes, string device, long bytesPerRun, string reason) =>
        new(name, megabytes, CpuThreads.Current, device, bytesPerRun, null, reason);

    /// <summary>"a.add_(b) 64 MB, 2 threads, cpu: 11.2 GB/s (17.14 ms, 192 MB moved per run)" or "... skipped: reason".</summary>
    public override string ToString() => Time is { } time
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Name} {Megabytes} MB, {Threads} thread{(Threads == 1 ? "" : "s")}, {Device}: {GigabytesPerSecond:F1} GB/s ({time.Median * 1e3:F2} ms, {BytesPerRun / 1e6:F0} MB moved per run)")
        : $"{Name} {Megabytes} MB, {Device}: skipped: {SkipReason}";
}
