using DeepCnn.Benchmarks;
using DeepCnn.Benchmarks.Memory;
using DeepCnn.Benchmarks.Peer;
using DeepCnn.Compute;

namespace DeepCnn.Tests.Benchmarks;

/// <summary>Small, fixed reports for the rendering and target tests.</summary>
internal static class ReportSamples
{
    public static MachineInfo Machine { get; } = new("AMD EPYC", 2, "Debian GNU/Linux 13 (trixie)", ".NET 10.0.1", "0.107.0", "2.10.0", 2, false, 0);

    public static PeerInfo Peer { get; } = new("1.13.0a0", "3.11.2", "AMD EPYC", ["/p/libblas.so.3"], "OpenBLAS 0.3.21 (Cooperlake)", 2, 1, 2, true,
        new Dictionary<string, long> { ["chapter"] = 21_247_306, ["classic"] = 46_787_978 });

    public static CeilingReading Ceiling { get; } = new(268.8, "2 cores x 16 float32 lanes (512-bit) x 2 (multiply-add) x 2 FMA units x 2.10 GHz = 268.8 GFLOP/s",
        231.5, "C# matmul 4096x4096");

    public static BenchmarkReport Report(IReadOnlyList<Figure> figures, IReadOnlyList<TargetVerdict> targets, PeerInfo? peer = null,
        string? peerUnavailable = null, IReadOnlyList<LayerProfile>? profiles = null, CeilingReading? ceiling = null,
        IReadOnlyList<MemoryRunResult>? allocatorRuns = null, string? libTorch = null) => new(
        new DateTimeOffset(2026, 11, 26, 21, 30, 0, TimeSpan.Zero), 321, "dotnet run --project benchmarks/DeepCnn.Benchmarks -c Release --",
        Machine, 2, 1, "Intel oneMKL", "glibc malloc keeps freed buffers", true, peer, peerUnavailable, peer is null ? null : "1.13.1+dfsg-4",
        peer is null ? "n/a" : "glibc malloc defaults", "5 timed repetitions", false, 180, figures, profiles ?? [], targets,
        ["Timings alternate."], ceiling, allocatorRuns, "CPU, 2 threads", libTorch);
}
