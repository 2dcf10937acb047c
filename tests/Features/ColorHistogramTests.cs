using DeepCnn.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Features;

public sealed class ColorHistogramTests
{
    [Fact]
    public void Colour_histogram_of_a_pure_red_image_fills_the_red_top_bin()
    {
        using var scope = torch.NewDisposeScope();
        var histogram = ColorHistogram.Compute(TestImages.Uniform(255, 0, 0)).data<float>().ToArray();

        const int Bins = ColorHistogram.DefaultBins;
        var red = histogram[..Bins];
        var green = histogram[Bins..(2 * Bins)];
        var blue = histogram[(2 * Bins)..];
        Assert.Equal(1f, red[^1]);
        Assert.Equal(0f, red[..^1].Sum());
        // No green and no blue: every pixel sits in those channels' bottom bin.
        Assert.Equal(1f, green[0]);
        Assert.Equal(1f, blue[0]);
    }

    [Fact]
    public void Colour_histogram_gives_each_image_three_channel_histograms_that_each_sum_to_one()
    {
        using var scope = torch.NewDisposeScope();
        var histogram = ColorHistogram.Compute(TestImages.Noise(5, seed: 3));

        Assert.Equal(new long[] { 5, ColorHistogram.Dimension() }, histogram.shape);
        var channelSums = histogram.view(5, 3, ColorHistogram.DefaultBins).sum(2);
        Assert.True(channelSums.allclose(torch.ones(5, 3)), $"channel sums {string.Join(", ", channelSums.data<float>().ToArray())}");
    }

    [Fact]
    public void Colour_histogram_reads_float_images_on_the_byte_scale_like_bytes()
    {
        using var scope = torch.NewDisposeScope();
        var bytes = TestImages.Noise(3, seed: 4);

        var fromBytes = ColorHistogram.Compute(bytes, bins: 16);
        var fromFloats = ColorHistogram.Compute(bytes.to(ScalarType.Float32), bins: 16);

        Assert.Equal(fromBytes.data<float>().ToArray(), fromFloats.data<float>().ToArray());
    }

    [Fact]
    public void Colour_histogram_rejects_a_batch_that_is_not_three_channels()
    {
        using var scope = torch.NewDisposeScope();
        var gray = torch.zeros(2, 1, 32, 32);

        var error = Assert.Throws<ArgumentException>(() => ColorHistogram.Compute(gray));
        Assert.Contains("N x 3 x H x W", error.Message);
    }
}
