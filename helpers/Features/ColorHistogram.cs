using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Features;

/// <summary>
/// The colour feature of the hand-made pipeline: one intensity histogram per channel (R, G, B), each normalised to
/// sum to 1, so it describes how much of the image has which colour and nothing about where.
/// </summary>
/// <remarks>
/// Per-channel rather than a joint RGB histogram: three curves a reader can plot and read, and 3 x bins numbers
/// instead of bins^3 (a joint 8x8x8 histogram would spread 1,024 pixels over 512 mostly empty bins). The price is
/// that it cannot tell "yellow" from "red and green in different places"; the synthetic classes do not need it.
/// </remarks>
public static class ColorHistogram
{
    /// <summary>Bins per channel unless told otherwise: 32 intensity levels each.</summary>
    public const int DefaultBins = 8;

    /// <summary>Number of features for <paramref name="bins"/> bins per channel.</summary>
    public static int Dimension(int bins = DefaultBins) => 3 * bins;

    /// <summary>
    /// Histograms of <paramref name="images"/> (N x 3 x H x W, uint8 or float, values on the byte scale 0..255):
    /// a float tensor N x (3 x <paramref name="bins"/>), red bins first, then green, then blue; bin k of a channel
    /// holds the fraction of pixels whose value v has floor(v x bins / 256) = k, so each channel's bins sum to 1.
    /// </summary>
    public static Tensor Compute(Tensor images, int bins = DefaultBins)
    {
        var (count, height, width) = ImageShape.Require(images, nameof(images));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, 256);

        using var scope = torch.NewDisposeScope();
        var bin = images.to(ScalarType.Float32).clamp(0, 255).mul(bins / 256.0).floor().clamp_max(bins - 1).to(ScalarType.Int64);
        // Shift each channel's bins into its own block of the output so one scatter counts all three channels.
        var channelOffset = torch.arange(3, dtype: ScalarType.Int64).mul(bins).view(1, 3, 1, 1);
        var index = bin.add(channelOffset).view(count, -1);
        var counts = torch.zeros(count, 3 * bins, dtype: ScalarType.Float32)
            .scatter_add_(1, index, torch.ones(index.shape, dtype: ScalarType.Float32));
        return counts.div(height * width).MoveToOuterDisposeScope();
    }
}
