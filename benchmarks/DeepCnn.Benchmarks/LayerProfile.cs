using DeepCnn.Models;

namespace DeepCnn.Benchmarks;

/// <summary>Where one training step's time goes, layer by layer, on one side.</summary>
/// <param name="Side">"C#" or "Python".</param>
/// <param name="Variant">The AlexNet variant profiled.</param>
/// <param name="Batch">Images in the step.</param>
/// <param name="Layers">Every top-level layer of features then classifier, in order.</param>
/// <param name="ZeroGradSeconds">Dropping the previous gradients.</param>
/// <param name="LossForwardSeconds">Cross-entropy forward.</param>
/// <param name="LossBackwardSeconds">Cross-entropy backward.</param>
/// <param name="OptimizerStepSeconds">The SGD update.</param>
/// <param name="StepSeconds">The whole profiled step, from zero_grad to the end of the update.</param>
/// <param name="Method">How the times were taken, in one sentence.</param>
/// <param name="Steps">How many profiled steps each time is the median of.</param>
public sealed record LayerProfile(string Side, AlexNetVariant Variant, int Batch, IReadOnlyList<LayerTiming> Layers,
    double ZeroGradSeconds, double LossForwardSeconds, double LossBackwardSeconds, double OptimizerStepSeconds, double StepSeconds,
    string Method, int Steps = 1)
{
    /// <summary>Forward plus backward of the layers alone.</summary>
    public double LayerSeconds => Layers.Sum(l => l.ForwardSeconds + (l.BackwardSeconds ?? 0));

    /// <summary>
    /// Row by row medians of several profiles of the same step (one step's rows swing with whatever else runs on the
    /// machine). A backward time that is missing in any profile stays missing.
    /// </summary>
    public static LayerProfile Median(IReadOnlyList<LayerProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            throw new ArgumentException("The median of no profiles is undefined.", nameof(profiles));
        }

        var first = profiles[0];
        if (profiles.Any(p => p.Layers.Count != first.Layers.Count || p.Side != first.Side || p.Variant != first.Variant))
        {
            throw new ArgumentException("Profiles to combine must be of the same side, variant and layers.", nameof(profiles));
        }

        double Of(Func<LayerProfile, double> value) => Ratios.Median(profiles.Select(value).ToArray());
        var layers = first.Layers.Select((layer, i) => layer with
        {
            ForwardSeconds = Of(p => p.Layers[i].ForwardSeconds),
            BackwardSeconds = profiles.All(p => p.Layers[i].BackwardSeconds is not null) ? Of(p => p.Layers[i].BackwardSeconds!.Value) : null,
        }).ToList();
        return first with
        {
            Layers = layers,
            ZeroGradSeconds = Of(p => p.ZeroGradSeconds),
            LossForwardSeconds = Of(p => p.LossForwardSeconds),
            LossBackwardSeconds = Of(p => p.LossBackwardSeconds),
            OptimizerStepSeconds = Of(p => p.OptimizerStepSeconds),
            StepSeconds = Of(p => p.StepSeconds),
            Steps = profiles.Sum(p => p.Steps),
        };
    }
}
