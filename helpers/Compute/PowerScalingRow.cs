namespace DeepCnn.Compute;

/// <summary>One row of <see cref="PowerScaling.Table"/>: many slow cores in the power budget of one fast core.</summary>
/// <param name="SlowdownFactor">k: each slow core runs at 1/k of the fast core's clock.</param>
/// <param name="Cores">Slow cores that fit in the fast core's power budget.</param>
/// <param name="RelativeClock">Clock of each slow core, relative to the fast core (1/k).</param>
/// <param name="RelativeThroughput">Work per second of all slow cores together, relative to the fast core, if the work splits perfectly.</param>
/// <param name="RelativePower">Power of all slow cores together, relative to the fast core (at most 1).</param>
public sealed record PowerScalingRow(int SlowdownFactor, long Cores, double RelativeClock, double RelativeThroughput, double RelativePower);
