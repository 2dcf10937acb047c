using DeepCnn.Data;
using DeepCnn.Plotting;
using static TorchSharp.torch;

namespace DeepCnn.Figures;

/// <summary>Pictures of the data: class counts, samples, upsampling, value ranges (notebook 03).</summary>
public static class DataFigures
{
    /// <summary>Images per class in both splits, side by side.</summary>
    public static Figure ClassCounts(CifarDataSet data) => Charts.GroupedBars(
        $"Images per class ({data.Origin.Name})", data.ClassNames,
        [("train", data.Train.ClassCounts(data.ClassCount).Select(c => (double)c).ToArray()), ("test", data.Test.ClassCounts(data.ClassCount).Select(c => (double)c).ToArray())],
        "images");

    /// <summary>The first <paramref name="perClass"/> images of every class, one row per class.</summary>
    public static Figure SamplesPerClass(CifarDataSet data, int perClass = 8, int cellSize = 48)
    {
        var cells = new List<(RgbImage, string)>();
        for (var label = 0; label < data.ClassNames.Count; label++)
        {
            var indices = Enumerable.Range(0, data.Train.Count).Where(i => data.Train.Labels[i] == label).Take(perClass).ToList();
            cells.AddRange(indices.Select(i => (Picture(data.Train, i), "")));
            // Keep rows aligned even when a class has fewer images than asked for.
            cells.AddRange(Enumerable.Repeat((new RgbImage(1, 1, [255, 255, 255]), ""), perClass - indices.Count));
        }

        return ImageGrid.Render($"{perClass} training images per class ({data.Origin.Name})", cells, perClass, cellSize, rowLabels: data.ClassNames);
    }

    /// <summary>One image at its real 32x32 pixels beside the bilinear 224x224 upsample the network sees.</summary>
    public static Figure Upsampling(CifarDataSet data, int index, int side = 224)
    {
        using var scope = NewDisposeScope();
        var identity = new ChannelStats([0f, 0f, 0f], [1f, 1f, 1f]);
        var loader = new BatchLoader(data.Train, BatchOptions.Evaluation(1) with { ImageSize = side }, identity);
        using var batch = loader.Load([index]);
        var upsampled = RgbImage.FromTensor(batch.Images[0].clamp(0, 1).mul(255));
        var label = data.ClassNames[data.Train.Labels[index]];
        return ImageGrid.Render($"'{label}' ({data.Origin.Name}): 32x32 as stored (left), {side}x{side} bilinear as AlexNet sees it (right)",
            [(Picture(data.Train, index), "32 x 32, pixels enlarged"), (upsampled, $"{side} x {side} bilinear")], columns: 2, cellSize: side, smooth: false);
    }

    /// <summary>A normalised batch put back on the 0..1 scale (x * std + mean per channel), to compare with it.</summary>
    public static Tensor ScaledToUnitRange(Tensor normalised, ChannelStats stats)
    {
        using var scope = NewDisposeScope(); // the std and mean tensors and the product are temporaries
        return (normalised * tensor(stats.Std).view(1, 3, 1, 1) + tensor(stats.Mean).view(1, 3, 1, 1)).MoveToOuterDisposeScope();
    }

    /// <summary>Histograms of a batch's values before and after per-channel normalisation; <paramref name="dataName"/> goes in the title.</summary>
    public static Figure ValueDistribution(Tensor scaled, Tensor normalised, string? dataName = null)
    {
        static (double[] X, double[] Y) Histogram(Tensor values, double low, double high, int bins)
        {
            using var scope = NewDisposeScope();
            var counts = new double[bins];
            var width = (high - low) / bins;
            var data = values.detach().to(CPU).contiguous().data<float>();
            foreach (var value in data)
            {
                counts[Math.Clamp((int)((value - low) / width), 0, bins - 1)]++;
            }

            return (Enumerable.Range(0, bins).Select(b => low + (b + 0.5) * width).ToArray(), counts.Select(c => c / Math.Max(1, data.Count)).ToArray());
        }

        var low = Math.Min(-3, normalised.min().item<float>());
        var high = Math.Max(3, normalised.max().item<float>());
        var before = Histogram(scaled, low, high, 60);
        var after = Histogram(normalised, low, high, 60);
        var title = "Pixel values of one batch" + (dataName is null ? "" : $" ({dataName})") + ": scaled to [0, 1] vs normalised per channel";
        return Charts.Lines(title, "value", "share of pixels",
            [new Series("scaled to [0, 1]", before.X, before.Y), new Series("normalised (x - mean) / std", after.X, after.Y)]);
    }

    /// <summary>Image <paramref name="index"/> of a split as an RGB picture.</summary>
    public static RgbImage Picture(CifarSplit split, int index) => RgbImage.FromPlanes(split.Image(index), CifarLayout.Side, CifarLayout.Side);
}
