using DeepCnn.Benchmarks.Peer;
using DeepCnn.Compute;

namespace DeepCnn.Benchmarks;

/// <summary>Everything one run measured, and what it ran on: the source of the Markdown table and the JSON beside it.</summary>
/// <param name="Started">When the run began (local time with offset).</param>
/// <param name="DurationSeconds">How long it took.</param>
/// <param name="Command">The command line that produced it.</param>
/// <param name="Machine">Processor, cores, OS, .NET, TorchSharp and libtorch.</param>
/// <param name="Threads">TorchSharp's intra-op threads.</param>
/// <param name="InteropThreads">TorchSharp's inter-op threads.</param>
/// <param name="CSharpBlas">The BLAS the C# side uses, in words.</param>
/// <param name="CSharpAllocator">The C# process's allocator settings, in words.</param>
/// <param name="InPlaceRelu">Whether both sides ran ReLU in place.</param>
/// <param name="Peer">What the PyTorch peer ran on; null when there was no peer.</param>
/// <param name="PeerUnavailable">Why there was no peer (or why it stopped); null when it ran throughout.</param>
/// <param name="PeerPackage">The Debian package version of python3-torch, when known.</param>
/// <param name="PeerAllocator">The peer process's allocator settings, in words.</param>
/// <param name="Sizes">Batch sizes, repetitions and the like, in one line.</param>
/// <param name="Quick">True for a smoke run: the figures are not the issue's.</param>
/// <param name="CeilingGflops">The machine's matrix-multiply ceiling: the better of the two sides' BLAS.</param>
/// <param name="Figures">Every figure, in report order.</param>
/// <param name="Profiles">Per-layer profiles, C# and Python per variant.</param>
/// <param name="Targets">The targets, read against this run.</param>
/// <param name="Notes">Remarks a reader needs to read the numbers right.</param>
/// <param name="Ceiling">How the ceiling was found: the theoretical peak and the fastest measured product.</param>
/// <param name="AllocatorRuns">Each allocator setting's speed and true peak memory, each measured in a process of its own.</param>
/// <param name="CSharpDevice">The device the C# side ran on, in words.</param>
/// <param name="LibTorch">The libtorch the C# side loaded from a folder (--libtorch); null for TorchSharp's own.</param>
public sealed record BenchmarkReport(
    DateTimeOffset Started,
    double DurationSeconds,
    string Command,
    MachineInfo Machine,
    int Threads,
    int InteropThreads,
    string CSharpBlas,
    string CSharpAllocator,
    bool InPlaceRelu,
    PeerInfo? Peer,
    string? PeerUnavailable,
    string? PeerPackage,
    string PeerAllocator,
    string Sizes,
    bool Quick,
    double? CeilingGflops,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<LayerProfile> Profiles,
    IReadOnlyList<TargetVerdict> Targets,
    IReadOnlyList<string> Notes,
    CeilingReading? Ceiling = null,
    IReadOnlyList<Memory.MemoryRunResult>? AllocatorRuns = null,
    string? CSharpDevice = null,
    string? LibTorch = null)
{
    /// <summary>The figure with <paramref name="key"/>, or null.</summary>
    public Figure? Find(string key) => Figures.FirstOrDefault(f => f.Key == key);
}
