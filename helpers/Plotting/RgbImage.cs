using DeepCnn.Imaging;
using static TorchSharp.torch;

namespace DeepCnn.Plotting;

/// <summary>A small picture as interleaved RGB bytes, made from CIFAR bytes, tensors or maps of values.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Rgb)
{
    /// <summary>From channel-major bytes (R plane, G plane, B plane), the CIFAR-10 layout.</summary>
    public static RgbImage FromPlanes(ReadOnlySpan<byte> planes, int width, int height)
    {
        var area = width * height;
        if (planes.Length != 3 * area)
        {
            throw new ArgumentException($"{planes.Length} bytes for a {width}x{height} RGB image; expected {3 * area}.", nameof(planes));
        }

        var rgb = new byte[3 * area];
        for (var i = 0; i < area; i++)
        {
            rgb[3 * i] = planes[i];
            rgb[3 * i + 1] = planes[area + i];
            rgb[3 * i + 2] = planes[2 * area + i];
        }

        return new RgbImage(width, height, rgb);
    }

    /// <summary>
    /// From a 3xHxW (or 1xHxW) float tensor, stretched so its own minimum is black and maximum white (how
    /// learned filters are usually shown: their scale carries no meaning, their pattern does).
    /// </summary>
    public static RgbImage FromTensor(Tensor image)
    {
        using var scope = NewDisposeScope();
        if (image.dim() != 3 || (image.shape[0] != 3 && image.shape[0] != 1))
        {
            throw new ArgumentException($"Expected a 3xHxW or 1xHxW tensor; got {string.Join('x', image.shape)}.", nameof(image));
        }

        var x = image.detach().to(CPU).to_type(ScalarType.Float32);
        if (x.shape[0] == 1)
        {
            x = x.expand(3, -1, -1);
        }

        var (min, max) = (x.min(), x.max());
        var scaled = x.sub(min).div(max.sub(min).clamp_min(1e-8)).mul(255).round().to_type(ScalarType.Byte).contiguous();
        return FromPlanes(scaled.data<byte>().ToArray(), (int)x.shape[2], (int)x.shape[1]);
    }

    /// <summary>
    /// A gradient-orientation map: hue from the angle (0..180 degrees wraps once round the colour wheel), brightness
    /// from the gradient's magnitude above the image's median, so flat regions are black and each edge direction has
    /// its own colour.
    /// </summary>
    public static RgbImage FromOrientation(float[,] angleDegrees, float[,] magnitude)
    {
        var (h, w) = (angleDegrees.GetLength(0), angleDegrees.GetLength(1));
        if (magnitude.GetLength(0) != h || magnitude.GetLength(1) != w)
        {
            throw new ArgumentException($"Angle map is {h}x{w} but magnitude map is {magnitude.GetLength(0)}x{magnitude.GetLength(1)}.", nameof(magnitude));
        }

        // Brightness from the median (the noise floor of most photos) up to the 98th percentile, so weak noisy
        // gradients fade to black and real edges stand out.
        var sorted = magnitude.Cast<float>().Order().ToArray();
        var top = sorted[(int)(sorted.Length * 0.98)];
        var floor = sorted[sorted.Length / 2];
        if (top - floor < 1e-6f)
        {
            floor = 0; // edges everywhere (a tiny or busy map): there is no noise floor to remove
        }

        var peak = Math.Max(top - floor, 1e-6f);
        var rgb = new byte[3 * w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (r, g, b) = Hsv.ToRgb(angleDegrees[y, x] * 2, 1, Math.Clamp((magnitude[y, x] - floor) / peak, 0, 1));
                var i = 3 * (y * w + x);
                (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)Math.Round(255 * r), (byte)Math.Round(255 * g), (byte)Math.Round(255 * b));
            }
        }

        return new RgbImage(w, h, rgb);
    }
}
