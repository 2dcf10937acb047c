namespace DeepCnn.Benchmarks;

/// <summary>One layer (or step part) read against the ceiling.</summary>
/// <param name="Name">The layer or part.</param>
/// <param name="Seconds">Its forward plus backward time.</param>
/// <param name="Flops">Its forward plus backward FLOPs (0 for parts that do no products).</param>
/// <param name="AchievedGflops">FLOPs over time; null for parts without FLOPs.</param>
/// <param name="LostSeconds">Its time minus what the same FLOPs would take at the ceiling.</param>
public sealed record LayerLoss(string Name, double Seconds, long Flops, double? AchievedGflops, double LostSeconds);
