namespace DeepCnn.Benchmarks;

/// <summary>
/// Reads a per-layer profile against the machine's ceiling: how fast each layer does its arithmetic, and how much of
/// the step each one loses against a layer that would run at the ceiling. Layers that do no products (pooling, ReLU,
/// dropout) and the bookkeeping around them (zero_grad, loss, the SGD update) lose all their time.
/// </summary>
public static class ProfileAnalysis
{
    /// <summary>
    /// Backward FLOPs of a layer with <paramref name="forwardFlops"/>: twice the forward (the gradient of the input and
    /// that of the weights), except for the first layer, whose input (the batch) needs no gradient.
    /// </summary>
    public static long BackwardFlops(long forwardFlops, bool firstLayer) => firstLayer ? forwardFlops : 2 * forwardFlops;

    /// <summary>Each layer's and each extra's time, achieved GFLOP/s and time lost against <paramref name="ceilingGflops"/>, worst first.</summary>
    public static IReadOnlyList<LayerLoss> Losses(LayerProfile profile, double ceilingGflops)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceilingGflops);
        var rows = new List<LayerLoss>();
        for (var i = 0; i < profile.Layers.Count; i++)
        {
            var layer = profile.Layers[i];
            var seconds = layer.ForwardSeconds + (layer.BackwardSeconds ?? 0);
            var flops = layer.ForwardFlops + BackwardFlops(layer.ForwardFlops, i == 0);
            rows.Add(Row(layer.Name, seconds, flops, ceilingGflops));
        }

        rows.Add(Row("zero_grad", profile.ZeroGradSeconds, 0, ceilingGflops));
        rows.Add(Row("cross-entropy", profile.LossForwardSeconds + profile.LossBackwardSeconds, 0, ceilingGflops));
        rows.Add(Row("SGD step", profile.OptimizerStepSeconds, 0, ceilingGflops));
        return [.. rows.OrderByDescending(r => r.LostSeconds)];
    }

    private static LayerLoss Row(string name, double seconds, long flops, double ceilingGflops)
    {
        var ideal = flops / (ceilingGflops * 1e9);
        return new LayerLoss(name, seconds, flops, flops > 0 && seconds > 0 ? flops / seconds / 1e9 : null, Math.Max(0, seconds - ideal));
    }
}
