using DeepCnn.Data;
using SkiaSharp;

namespace DeepCnn.Imaging;

/// <summary>
/// Decodes an image file with SkiaSharp (JPEG, PNG, GIF, BMP, WebP, ...) into a 32x32 RGB picture in the CIFAR-10 byte
/// layout (R, G and B planes of 32x32 bytes). Every colour mode ends as 8-bit sRGB: grayscale is copied to all three
/// channels, a palette is looked up, 16-bit samples are reduced to 8 bits, an embedded colour profile is converted to
/// sRGB, and transparent parts are laid over white (as a viewer shows them). The picture is turned upright by its EXIF
/// orientation (phone photos), cropped to its central square (so nothing is stretched) and shrunk with mipmaps (an
/// average over the pixels each output pixel covers, without the aliasing of plain sampling).
/// </summary>
internal static class Thumbnail
{
    private const int Side = CifarLayout.Side;

    // Large JPEGs are decoded at a reduced scale (the decoder skips detail it would throw away), but never below
    // this many times the output side, so the mipmaps still have pixels to average.
    private const int DecodeOversampling = 4;

    /// <summary>The file's picture as 3x32x32 bytes (channel-major), or null and the reason when it cannot be decoded.</summary>
    public static (byte[]? Planes, string? Problem) Decode(string path)
    {
        using var codec = SKCodec.Create(path, out var opened);
        if (codec is null)
        {
            return (null, $"not an image format SkiaSharp can decode ({opened})");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1)
        {
            return (null, $"the image has no pixels ({width}x{height})");
        }

        var scale = Math.Min(1f, (float)DecodeOversampling * Side / Math.Min(width, height));
        var size = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            return (null, decoded == SKCodecResult.IncompleteInput
                ? "the file is cut short (only part of the image is there)"
                : $"the image data cannot be decoded ({decoded})");
        }

        return (Shrink(bitmap, codec.EncodedOrigin), null);
    }

    private static byte[] Shrink(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        using var output = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(output))
        {
            canvas.Clear(SKColors.White);
            canvas.SetMatrix(Upright(origin));
            // The central square as an image of its own, so the filter at its edges sees no pixel from outside the crop.
            var square = Math.Min(bitmap.Width, bitmap.Height);
            using var whole = SKImage.FromBitmap(bitmap);
            using var crop = whole.Subset(SKRectI.Create((bitmap.Width - square) / 2, (bitmap.Height - square) / 2, square, square));
            canvas.DrawImage(crop, SKRect.Create(0, 0, Side, Side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
            canvas.Flush();
        }

        var rgba = output.GetPixelSpan();
        // Opaque after the white background, so premultiplied and plain RGB agree.
        const int Plane = Side * Side;
        var planes = new byte[CifarLayout.ImageBytes];
        for (var i = 0; i < Plane; i++)
        {
            planes[i] = rgba[4 * i];
            planes[Plane + i] = rgba[4 * i + 1];
            planes[2 * Plane + i] = rgba[4 * i + 2];
        }

        return planes;
    }

    /// <summary>
    /// The transform that shows a square picture stored with EXIF orientation <paramref name="origin"/> upright:
    /// stored (x, y) goes to displayed (x', y') on the 32x32 output.
    /// </summary>
    private static SKMatrix Upright(SKEncodedOrigin origin)
    {
        const float S = Side;
        // SKMatrix(scaleX, skewX, transX, skewY, scaleY, transY, 0, 0, 1): x' = scaleX x + skewX y + transX, y' = skewY x + scaleY y + transY.
        return origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, S, 0, 1, 0, 0, 0, 1),      // mirrored left-right
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, S, 0, -1, S, 0, 0, 1),  // turned 180 degrees
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, S, 0, 0, 1),    // mirrored top-bottom
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),        // mirrored across the diagonal
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, S, 1, 0, 0, 0, 0, 1),      // turned 90 degrees clockwise
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, S, -1, 0, S, 0, 0, 1),  // mirrored across the other diagonal
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, S, 0, 0, 1),    // turned 90 degrees anticlockwise
            _ => SKMatrix.Identity,
        };
    }
}
