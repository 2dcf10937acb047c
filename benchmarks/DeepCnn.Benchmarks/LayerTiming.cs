namespace DeepCnn.Benchmarks;

/// <summary>One top-level layer's share of a training step.</summary>
/// <param name="Name">Position and name, e.g. "features.conv1" or "features.0".</param>
/// <param name="Description">What the layer is, e.g. "Conv2d 3->96, 11x11, stride 4, padding 1".</param>
/// <param name="ForwardSeconds">Time of its forward call.</param>
/// <param name="BackwardSeconds">
/// Time from the gradient of its output to the gradient of its input (and of its weights); null when the layer works in
/// place and its backward is counted in the layer before it (autograd sees the two as one node).
/// </param>
/// <param name="ForwardFlops">Forward floating-point operations for the whole batch (0 for layers that do no products).</param>
public sealed record LayerTiming(string Name, string Description, double ForwardSeconds, double? BackwardSeconds, long ForwardFlops);
