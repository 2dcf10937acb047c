namespace DeepCnn.Benchmarks.Peer;

/// <summary>The outcome of starting the PyTorch peer: a connected client and what it runs on, or why there is none.</summary>
/// <param name="Client">The connected peer; null when unavailable.</param>
/// <param name="Info">Its versions, BLAS and threads; null when unavailable.</param>
/// <param name="Reason">Why there is no peer; null when there is one.</param>
/// <param name="Allocator">The peer process's malloc settings, in words.</param>
public sealed record PeerStart(PeerClient? Client, PeerInfo? Info, string? Reason, string Allocator)
{
    /// <summary>A peer that could not be had, and why; the benchmark then runs C# only and says so.</summary>
    public static PeerStart Unavailable(string reason) => new(null, null, reason, "n/a");

    /// <summary>True when the peer is connected.</summary>
    public bool Available => Client is not null;
}
