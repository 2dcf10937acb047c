namespace DeepCnn.Features;

/// <summary>Everything <see cref="HandmadeBaseline.Run"/> can be told; the defaults are the ones notebook 01 reports.</summary>
public sealed record HandmadeBaselineOptions
{
    /// <summary>Which hand-made features to compute.</summary>
    public HandmadeFeatureOptions Features { get; init; } = new();

    /// <summary>How to train the linear classifier on them.</summary>
    public LinearClassifierOptions Classifier { get; init; } = new();
}
