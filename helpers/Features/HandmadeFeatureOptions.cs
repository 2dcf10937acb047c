namespace DeepCnn.Features;

/// <summary>Settings of the hand-made feature vector: colour histogram plus HOG, computed batch by batch.</summary>
public sealed record HandmadeFeatureOptions
{
    /// <summary>Intensity bins per colour channel.</summary>
    public int ColorBins { get; init; } = ColorHistogram.DefaultBins;

    /// <summary>Cell, bin and block settings of the HOG part.</summary>
    public HogOptions Hog { get; init; } = new();

    /// <summary>
    /// Images per batch: bounds the memory of the per-pixel intermediates (a few tens of MB for 500 images),
    /// not the result, which is N x D floats whatever the batch size.
    /// </summary>
    public int BatchSize { get; init; } = 500;
}
