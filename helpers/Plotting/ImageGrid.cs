using SkiaSharp;

namespace DeepCnn.Plotting;

/// <summary>Lays small images out in a captioned grid and renders it to PNG (SkiaSharp, which ScottPlot draws with).</summary>
public static class ImageGrid
{
    /// <summary>
    /// Renders <paramref name="cells"/> in rows of <paramref name="columns"/>, each scaled to <paramref name="cellSize"/>
    /// pixels. Nearest-neighbour scaling by default, so a 32x32 image shows its real pixels instead of a blur.
    /// </summary>
    public static Figure Render(string title, IReadOnlyList<(RgbImage Image, string Caption)> cells, int columns, int cellSize = 64,
        bool smooth = false, IReadOnlyList<string>? rowLabels = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSize, 4);
        if (cells.Count == 0)
        {
            throw new ArgumentException("Cannot draw an image grid of no images.", nameof(cells));
        }

        const int gap = 6;
        // A caption may have several lines ("predicted\ntrue"); every cell gets room for the longest.
        var captionLines = cells.Max(c => c.Caption.Length == 0 ? 0 : c.Caption.Split('\n').Length);
        var captionHeight = captionLines * 14 + (captionLines > 0 ? 2 : 0);
        var titleHeight = title.Length > 0 ? 28 : 4;
        var rows = (cells.Count + columns - 1) / columns;
        var labelWidth = rowLabels is { Count: > 0 } ? 16 + 8 * rowLabels.Max(l => l.Length) : 0;
        using var typeface = SKTypeface.Default;
        using var titleFont = new SKFont(typeface, 16);
        // Wide enough for the title too, so a two-image grid does not cut its caption off.
        var width = Math.Max(labelWidth + gap + columns * (cellSize + gap), (int)titleFont.MeasureText(title) + 2 * gap);
        var height = titleHeight + rows * (cellSize + captionHeight + gap) + gap;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var captionFont = new SKFont(typeface, Math.Clamp(cellSize / 6f, 9, 12));
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, gap, 20, SKTextAlign.Left, titleFont, ink);

        var sampling = smooth ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None) : new SKSamplingOptions(SKFilterMode.Nearest);
        for (var i = 0; i < cells.Count; i++)
        {
            var (image, caption) = cells[i];
            var x = labelWidth + gap + i % columns * (cellSize + gap);
            var y = titleHeight + i / columns * (cellSize + captionHeight + gap);
            if (i % columns == 0 && rowLabels is not null && i / columns < rowLabels.Count)
            {
                canvas.DrawText(rowLabels[i / columns], labelWidth, y + cellSize / 2f + 5, SKTextAlign.Right, titleFont, ink);
            }

            using var bitmap = ToBitmap(image);
            using var skImage = SKImage.FromBitmap(bitmap);
            // Keep the aspect ratio inside the square cell.
            var scale = (float)cellSize / Math.Max(image.Width, image.Height);
            var (w, h) = (image.Width * scale, image.Height * scale);
            canvas.DrawImage(skImage, SKRect.Create(x + (cellSize - w) / 2, y + (cellSize - h) / 2, w, h), sampling);
            var lines = caption.Length == 0 ? [] : caption.Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                canvas.DrawText(Fit(lines[line], captionFont, cellSize + gap), x + cellSize / 2f, y + cellSize + 13 + 14 * line, SKTextAlign.Center, captionFont, ink);
            }
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return new Figure(png.ToArray(), width, height, title);
    }

    private static SKBitmap ToBitmap(RgbImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[image.Width * image.Height * 4];
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            pixels[4 * i] = image.Rgb[3 * i];
            pixels[4 * i + 1] = image.Rgb[3 * i + 1];
            pixels[4 * i + 2] = image.Rgb[3 * i + 2];
            pixels[4 * i + 3] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        while (text.Length > 1 && font.MeasureText(text + "…") > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }
}
