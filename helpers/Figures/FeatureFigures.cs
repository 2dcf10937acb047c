using DeepCnn.Data;
using DeepCnn.Features;
using DeepCnn.Plotting;

namespace DeepCnn.Figures;

/// <summary>Pictures of hand-made features (notebook 01): what a gradient histogram sees, and what edge filters look like.</summary>
public static class FeatureFigures
{
    /// <summary>
    /// Each image beside its gradient-orientation map (hue = edge direction, brightness = edge strength), and a colour
    /// key: a disc whose every point has the colour of a gradient pointing from the centre towards it.
    /// </summary>
    public static Figure Gradients(CifarDataSet data, IReadOnlyList<int> indices)
    {
        var cells = new List<(RgbImage, string)>();
        foreach (var index in indices)
        {
            var map = Hog.Gradients(data.Train.Image(index));
            cells.Add((DataFigures.Picture(data.Train, index), Captions.Short(data.ClassNames[data.Train.Labels[index]])));
            cells.Add((RgbImage.FromOrientation(map.OrientationDegrees, map.Magnitude), "its gradients"));
        }

        cells.Add((OrientationKey(), "colour key"));
        return ImageGrid.Render($"Images ({data.Origin.Name}) and their gradients: colour = edge direction (key below), brightness = strength",
            cells, columns: 6, cellSize: 96);
    }

    /// <summary>
    /// The colour-histogram part of the features for a few images: for each channel and brightness bin, one bar per
    /// image, so that bins of different channels stay apart.
    /// </summary>
    public static Figure ColourHistograms(CifarDataSet data, IReadOnlyList<int> indices, int bins = ColorHistogram.DefaultBins)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var series = indices.Select(index => (
            $"#{index} {data.ClassNames[data.Train.Labels[index]]}",
            ColorHistogram.Compute(SplitTensors.Image(data.Train.Image(index)), bins).data<float>().Select(v => (double)v).ToArray())).ToList();
        var labels = new[] { "R", "G", "B" }.SelectMany(channel => Enumerable.Range(1, bins).Select(bin => $"{channel}{bin}")).ToList();
        return Charts.GroupedBars($"Colour histograms ({data.Origin.Name}): {bins} bins per channel, dark to bright (R red, G green, B blue)",
            labels, series, "share of the image's pixels");
    }

    // Unsigned orientation, as HOG uses it: a gradient and its opposite share a colour.
    private static RgbImage OrientationKey(int size = 33)
    {
        var angle = new float[size, size];
        var strength = new float[size, size];
        var centre = (size - 1) / 2.0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (dx, dy) = (x - centre, centre - y); // rows grow downwards; angles run counter-clockwise
                angle[y, x] = (float)((Math.Atan2(dy, dx) * 180 / Math.PI + 360) % 180);
                strength[y, x] = Math.Sqrt(dx * dx + dy * dy) <= centre ? 1 : 0;
            }
        }

        return RgbImage.FromOrientation(angle, strength);
    }

    /// <summary>
    /// A bank of hand-drawn Gabor filters (oriented stripes) and colour blobs: the kind of pattern a trained first
    /// convolution layer ends up with. An illustration, not a trained network: notebook 06 shows AlexNet's own.
    /// </summary>
    public static Figure EdgeFilterIllustration(int size = 11)
    {
        var cells = new List<(RgbImage, string)>();
        foreach (var wavelength in new[] { 4.0, 7.0 })
        {
            for (var o = 0; o < 6; o++)
            {
                cells.Add((Gabor(size, Math.PI * o / 6, wavelength), $"{o * 30}°"));
            }
        }

        var colours = new (byte R, byte G, byte B)[] { (230, 60, 40), (40, 170, 60), (50, 90, 220), (230, 200, 40), (160, 60, 200), (40, 200, 200) };
        cells.AddRange(colours.Select(c => (Blob(size, c), "colour")));
        return ImageGrid.Render("Illustration: oriented edges at two scales and colour blobs (drawn, not learned)", cells, columns: 6, cellSize: 66);
    }

    private static RgbImage Gabor(int size, double angle, double wavelength)
    {
        var rgb = new byte[3 * size * size];
        var centre = (size - 1) / 2.0;
        var sigma = size / 4.0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (dx, dy) = (x - centre, y - centre);
                var along = dx * Math.Cos(angle) + dy * Math.Sin(angle);
                var value = Math.Exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) * Math.Cos(2 * Math.PI * along / wavelength);
                var grey = (byte)Math.Clamp(128 + 127 * value, 0, 255);
                rgb[3 * (y * size + x)] = rgb[3 * (y * size + x) + 1] = rgb[3 * (y * size + x) + 2] = grey;
            }
        }

        return new RgbImage(size, size, rgb);
    }

    private static RgbImage Blob(int size, (byte R, byte G, byte B) colour)
    {
        var rgb = new byte[3 * size * size];
        var centre = (size - 1) / 2.0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var weight = Math.Exp(-((x - centre) * (x - centre) + (y - centre) * (y - centre)) / (size * size / 8.0));
                var i = 3 * (y * size + x);
                rgb[i] = (byte)(128 + (colour.R - 128) * weight);
                rgb[i + 1] = (byte)(128 + (colour.G - 128) * weight);
                rgb[i + 2] = (byte)(128 + (colour.B - 128) * weight);
            }
        }

        return new RgbImage(size, size, rgb);
    }
}
