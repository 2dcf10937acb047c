namespace DeepCnn.Benchmarks.Peer;

/// <summary>The answer to a timed request (matmul, train, eval, pipeline).</summary>
/// <param name="Seconds">Each timed repetition, in order.</param>
/// <param name="MinorFaults">Page faults during the timed repetitions, all together (null when not reported).</param>
/// <param name="Loss">The last training loss (train only; null otherwise or when not finite).</param>
/// <param name="BuiltSeconds">Time spent building the model and input in this request (0 when cached).</param>
public sealed record PeerTiming(IReadOnlyList<double> Seconds, long? MinorFaults, double? Loss, double BuiltSeconds);
