using DeepCnn.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Features;

/// <summary>
/// The "giant bag of predetermined feature functions" of the pre-2012 pipeline, cut down to two: a colour histogram
/// and a HOG descriptor, side by side in one vector per image. With the default options on 32 x 32 images the
/// vector has <c>3 x 8 + 288 = 312</c> numbers: 24 colour-histogram bins, then 288 HOG values.
/// </summary>
public sealed class HandmadeFeatureExtractor
{
    /// <summary>Creates an extractor; null takes the defaults.</summary>
    public HandmadeFeatureExtractor(HandmadeFeatureOptions? options = null)
    {
        Options = options ?? new HandmadeFeatureOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchSize, 1);
        ColorDimension = ColorHistogram.Dimension(Options.ColorBins);
        HogDimension = Hog.Dimension(CifarLayout.Side, CifarLayout.Side, Options.Hog);
    }

    /// <summary>The settings in use.</summary>
    public HandmadeFeatureOptions Options { get; }

    /// <summary>Length of the colour part, which comes first: 3 x <see cref="HandmadeFeatureOptions.ColorBins"/>.</summary>
    public int ColorDimension { get; }

    /// <summary>Length of the HOG part, which follows the colour part (see <see cref="Hog.Dimension"/>).</summary>
    public int HogDimension { get; }

    /// <summary>Length D of the feature vector of a 32 x 32 image (312 with the defaults).</summary>
    public int Dimension => ColorDimension + HogDimension;

    /// <summary>Features of a batch of images (N x 3 x H x W, 0..255): a float tensor N x D, colour first, then HOG.</summary>
    public Tensor Extract(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var color = ColorHistogram.Compute(images, Options.ColorBins);
        var shape = Hog.Compute(images, Options.Hog);
        return torch.cat([color, shape], 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Features of every image of <paramref name="split"/>, batch by batch: a float tensor N x <see cref="Dimension"/>.
    /// Each batch's tensors are freed before the next is made, so memory stays flat however large the split.
    /// </summary>
    public Tensor Extract(CifarSplit split, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        var features = torch.empty(split.Count, Dimension, dtype: ScalarType.Float32);
        for (var start = 0; start < split.Count; start += Options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Options.BatchSize, split.Count - start);
            using (torch.NewDisposeScope())
            {
                features[TensorIndex.Slice(start, start + count)] = Extract(SplitTensors.Images(split, start, count));
            }

            progress?.Report($"features of {split.Name}: {start + count:N0} / {split.Count:N0} images");
        }

        return features;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var hog = Options.Hog;
        return $"colour histogram 3 x {Options.ColorBins} bins + HOG ({hog.CellSize}x{hog.CellSize}-pixel cells, " +
            $"{hog.OrientationBins} orientation bins, {hog.BlockCells}x{hog.BlockCells}-cell blocks): D = {Dimension}";
    }
}
