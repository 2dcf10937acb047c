namespace DeepCnn.Benchmarks.Peer;

/// <summary>What the peer runs on: versions, BLAS, device and threads, as its <c>info</c> and <c>setup</c> answers say.</summary>
/// <param name="Torch">torch.__version__ (Debian's 1.13.1 calls itself "1.13.0a0").</param>
/// <param name="Python">Python's version.</param>
/// <param name="Processor">The processor name the peer read.</param>
/// <param name="BlasLibraries">The BLAS/LAPACK libraries mapped into the peer process.</param>
/// <param name="OpenBlas">OpenBLAS's configuration and core ("OpenBLAS 0.3.21 ... (Cooperlake)"), null when OpenBLAS is not loaded.</param>
/// <param name="Threads">PyTorch's intra-op threads after setup.</param>
/// <param name="InteropThreads">PyTorch's inter-op threads.</param>
/// <param name="BlasThreads">OpenBLAS's own thread count after setup (null without OpenBLAS).</param>
/// <param name="Mkldnn">Whether oneDNN (MKL-DNN) is available to PyTorch.</param>
/// <param name="Parameters">Parameter count per variant name, as the peer built them.</param>
/// <param name="Blas">The CPU BLAS in words, as the peer names it (OpenBLAS when mapped, else what PyTorch was built with); null from an older peer.</param>
/// <param name="Device">The device the peer runs on ("cpu", "cuda").</param>
/// <param name="DeviceName">The GPU's name on CUDA, the processor's on the CPU.</param>
/// <param name="CudaVersion">The CUDA version PyTorch was built with; null for a CPU-only build.</param>
/// <param name="Cudnn">cuDNN's version on CUDA; null on the CPU.</param>
/// <param name="Executable">The Python interpreter that runs the peer.</param>
public sealed record PeerInfo(string Torch, string Python, string Processor, IReadOnlyList<string> BlasLibraries, string? OpenBlas,
    int Threads, int InteropThreads, int? BlasThreads, bool Mkldnn, IReadOnlyDictionary<string, long> Parameters, string? Blas = null,
    string Device = "cpu", string? DeviceName = null, string? CudaVersion = null, string? Cudnn = null, string? Executable = null)
{
    /// <summary>The peer's own name for its BLAS, else "OpenBLAS ..." when loaded, else the mapped libraries, else "unknown".</summary>
    public string BlasDescription => Blas ?? OpenBlas
        ?? (BlasLibraries.Count > 0 ? string.Join(", ", BlasLibraries.Select(Path.GetFileName)) : "unknown");

    /// <summary>"cuda (NVIDIA H200; CUDA 13.0, cuDNN 91300)" or "cpu".</summary>
    public string DeviceDescription => Device.StartsWith("cuda", StringComparison.Ordinal)
        ? $"{Device} ({DeviceName ?? "unknown GPU"}; CUDA {CudaVersion ?? "?"}, cuDNN {Cudnn ?? "?"})"
        : Device;
}
