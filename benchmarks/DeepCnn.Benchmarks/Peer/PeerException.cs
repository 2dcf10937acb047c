namespace DeepCnn.Benchmarks.Peer;

/// <summary>The PyTorch peer answered with an error, answered out of turn, or stopped answering.</summary>
public sealed class PeerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PeerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PeerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public PeerException()
    {
    }
}
