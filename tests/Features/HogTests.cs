using DeepCnn.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Features;

public sealed class HogTests
{
    // With the default 8 bins of 22.5 degrees: bin 0 = 0 degrees (gradient pointing right), 2 = 45, 4 = 90 (up), 6 = 135.
    [Fact]
    public void Hog_puts_a_vertical_edge_in_the_horizontal_gradient_bin() =>
        AssertDominantBin(TestImages.TwoTone((row, column) => column.ge(16)), expectedBin: 0);

    [Fact]
    public void Hog_puts_a_horizontal_edge_in_the_vertical_gradient_bin() =>
        AssertDominantBin(TestImages.TwoTone((row, column) => row.lt(16)), expectedBin: 4);

    [Fact]
    public void Hog_puts_an_edge_from_top_left_to_bottom_right_in_the_45_degree_bin() =>
        // Bright above the main diagonal, i.e. up and to the right: the gradient points at 45 degrees.
        AssertDominantBin(TestImages.TwoTone((row, column) => column.gt(row)), expectedBin: 2);

    [Fact]
    public void Hog_puts_an_edge_from_bottom_left_to_top_right_in_the_135_degree_bin() =>
        // Bright below the anti-diagonal, i.e. down and to the right: the gradient points at -45 = 135 degrees unsigned.
        AssertDominantBin(TestImages.TwoTone((row, column) => row.add(column).gt(TestImages.Side - 1)), expectedBin: 6);

    [Fact]
    public void Hog_ignores_which_side_of_an_edge_is_bright()
    {
        using var scope = torch.NewDisposeScope();
        var darkToBright = Hog.Compute(TestImages.TwoTone((row, column) => column.ge(16)));
        var brightToDark = Hog.Compute(TestImages.TwoTone((row, column) => column.lt(16)));

        Assert.True(darkToBright.allclose(brightToDark, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Hog_features_have_the_documented_length_and_unit_length_blocks()
    {
        using var scope = torch.NewDisposeScope();
        var features = Hog.Compute(TestImages.Noise(4, seed: 5));

        Assert.Equal(288, Hog.Dimension(32, 32));
        Assert.Equal(new long[] { 4, 288 }, features.shape);
        // 3 x 3 blocks, each 8 bins x 2 x 2 cells = 32 numbers, each block scaled to length 1.
        var blockNorms = features.view(4, 9, 32).square().sum(2).sqrt();
        Assert.True(blockNorms.allclose(torch.ones(4, 9), atol: 1e-3), string.Join(", ", blockNorms.data<float>().ToArray()));
    }

    [Fact]
    public void Hog_of_a_flat_image_is_all_zero_not_NaN()
    {
        using var scope = torch.NewDisposeScope();
        var features = Hog.Compute(TestImages.Uniform(90, 120, 30));

        Assert.Equal(0f, features.abs().max().item<float>());
    }

    [Fact]
    public void Hog_rejects_an_image_that_does_not_divide_into_cells()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => Hog.Compute(torch.zeros(1, 3, 30, 30)));
        Assert.Contains("8-pixel cells", error.Message);
    }

    [Fact]
    public void Gradient_map_of_one_image_gives_plain_arrays_with_the_edge_and_its_angle()
    {
        using var scope = torch.NewDisposeScope();
        var image = TestImages.TwoTone((row, column) => row.lt(16)).view(3 * 32 * 32).data<byte>().ToArray();

        var map = Hog.Gradients(image);

        Assert.Equal((32, 32), (map.Height, map.Width));
        Assert.Equal(200 / 255f, map.Gray[0, 0], 1e-4f);
        // Central differences see the step at rows 15 and 16 only.
        Assert.Equal((200 - 50) / 255f, map.Magnitude[15, 7], 1e-3f);
        Assert.Equal(90f, map.OrientationDegrees[16, 20], 1e-3f);
        Assert.Equal(0f, map.Magnitude[5, 7]);
        Assert.Equal(0f, map.Magnitude[25, 7]);
    }

    private static void AssertDominantBin(Tensor image, int expectedBin)
    {
        using var scope = torch.NewDisposeScope();
        // Sum the magnitude of the whole image per orientation bin.
        var perBin = Hog.CellHistograms(image).sum([0, 2, 3]).data<float>().ToArray();
        var share = perBin[expectedBin] / perBin.Sum();

        Assert.Equal(expectedBin, Array.IndexOf(perBin, perBin.Max()));
        // Pixels at the image border see a slightly different step; the rest of the edge is exact.
        Assert.True(share > 0.9, $"bin {expectedBin} holds {share:P1} of the gradient: [{string.Join(", ", perBin)}]");
    }
}
