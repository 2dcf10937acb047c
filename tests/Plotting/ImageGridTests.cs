using DeepCnn.Plotting;
using SkiaSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Plotting;

public sealed class ImageGridTests
{
    [Fact]
    public void Planes_become_interleaved_rgb_pixels()
    {
        // 2x1 image: red plane [10, 20], green [30, 40], blue [50, 60].
        var image = RgbImage.FromPlanes([10, 20, 30, 40, 50, 60], width: 2, height: 1);
        Assert.Equal(new byte[] { 10, 30, 50, 20, 40, 60 }, image.Rgb);
        Assert.Throws<ArgumentException>(() => RgbImage.FromPlanes([1, 2, 3], 2, 1));
    }

    [Fact]
    public void A_tensor_is_stretched_to_the_full_byte_range()
    {
        using var scope = NewDisposeScope();
        var image = RgbImage.FromTensor(tensor(new float[] { -1, 0, 1, 1, -1, 0 }, [3, 1, 2]));
        Assert.Equal(0, image.Rgb.Min());
        Assert.Equal(255, image.Rgb.Max());
        Assert.Throws<ArgumentException>(() => RgbImage.FromTensor(zeros(4, 2, 2)));
    }

    [Fact]
    public void A_grid_places_each_image_with_nearest_neighbour_pixels()
    {
        var red = new RgbImage(1, 1, [255, 0, 0]);
        var blue = new RgbImage(1, 1, [0, 0, 255]);
        var figure = ImageGrid.Render("", [(red, ""), (blue, "")], columns: 2, cellSize: 20);
        PngAssert.IsPng(figure);
        using var bitmap = SKBitmap.Decode(figure.Png);
        // Cell centres: the first cell is pure red, the second pure blue (no blending at the centre).
        Assert.Equal(new SKColor(255, 0, 0), bitmap.GetPixel(6 + 10, 4 + 10));
        Assert.Equal(new SKColor(0, 0, 255), bitmap.GetPixel(6 + 26 + 10, 4 + 10));
    }

    [Fact]
    public void An_orientation_map_colours_edges_by_direction_and_leaves_flat_regions_dark()
    {
        var angle = new float[,] { { 0, 90 }, { 0, 0 } };
        var magnitude = new float[,] { { 1, 1 }, { 0, 0 } };
        var image = RgbImage.FromOrientation(angle, magnitude);
        Assert.NotEqual(image.Rgb[0..3], image.Rgb[3..6]); // two directions, two colours
        Assert.Equal(new byte[] { 0, 0, 0 }, image.Rgb[6..9]);
    }

    [Fact]
    public void An_empty_grid_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => ImageGrid.Render("nothing", [], 4));
    }
}
