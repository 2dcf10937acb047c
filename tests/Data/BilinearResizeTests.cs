using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Data;

public sealed class BilinearResizeTests
{
    [Theory]
    [InlineData(32, 224)]
    [InlineData(32, 50)]
    [InlineData(32, 20)]
    [InlineData(7, 7)]
    public void Two_matrix_products_give_what_bilinear_interpolation_gives(int input, int output)
    {
        using var scope = NewDisposeScope();
        using var resize = new BilinearResize(input, output);
        var images = rand(3, 2, input, input, generator: new Generator(5)).mul(255);

        var expected = nn.functional.interpolate(images, size: [output, output], mode: InterpolationMode.Bilinear, align_corners: false);
        var actual = resize.Apply(images);

        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-3), $"largest difference {(actual - expected).abs().max().item<float>()}");
    }

    [Fact]
    public void Every_output_pixel_takes_two_weights_that_sum_to_one()
    {
        var weights = BilinearResize.Weights(224, 32);
        for (var o = 0; o < 224; o++)
        {
            var row = weights.AsSpan(o * 32, 32).ToArray();
            Assert.Equal(1f, row.Sum(), 5);
            Assert.InRange(row.Count(w => w != 0), 1, 2);
        }

        // Output pixel 3 of 224 sits at (3.5) * 32 / 224 - 0.5 = 0 in the input: all of it from input pixel 0.
        Assert.Equal(1f, weights[3 * 32], 5);
    }

    [Fact]
    public void Images_of_the_wrong_size_are_rejected()
    {
        using var resize = new BilinearResize(32, 224);
        using var wrong = zeros(1, 3, 30, 30);
        Assert.Throws<ArgumentException>(() => resize.Apply(wrong));
    }

    [Fact]
    public void Its_weights_outlive_the_dispose_scope_it_was_made_in()
    {
        BilinearResize resize;
        using (NewDisposeScope())
        {
            resize = new BilinearResize(4, 8);
        }

        using var images = ones(1, 1, 4, 4);
        using var result = resize.Apply(images);
        Assert.Equal(1f, result.mean().item<float>(), 5);
        resize.Dispose();
    }
}
