namespace DeepCnn.Benchmarks;

/// <summary>Which way a figure improves, so a ratio can be read as good or bad.</summary>
public enum Better
{
    /// <summary>More is better (throughput, GFLOP/s).</summary>
    Higher,

    /// <summary>Less is better (memory, page faults, share of a step).</summary>
    Lower,

    /// <summary>Context only; the ratio is shown but not judged.</summary>
    Neither,
}
