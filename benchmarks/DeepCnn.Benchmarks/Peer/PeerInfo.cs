namespace DeepCnn.Benchmarks.Peer;

/// <summary>What the peer runs on: versions, BLAS and threads, as its <c>info</c> and <c>setup</c> answers say.</summary>
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
public sealed record PeerInfo(string Torch, string Python, string Processor, IReadOnlyList<string> BlasLibraries, string? OpenBlas,
    int Threads, int InteropThreads, int? BlasThreads, bool Mkldnn, IReadOnlyDictionary<string, long> Parameters)
{
    /// <summary>"OpenBLAS ..." when loaded, else the mapped libraries, else "unknown".</summary>
    public string BlasDescription => OpenBlas
        ?? (BlasLibraries.Count > 0 ? string.Join(", ", BlasLibraries.Select(Path.GetFileName)) : "unknown");
}
