using SkiaSharp;

namespace DeepCnn.Tests;

/// <summary>
/// A small folder of "photos" as a class would bring them: one subfolder per class (or train/ and test/ holding them),
/// PNG and JPEG files of odd sizes, and with <c>specials</c> one file of each awkward kind: a grey PNG, a PNG with
/// transparency, a palette PNG, a 16-bit PNG, a file that is not an image at all (<see cref="Unreadable"/>) and a hidden
/// file. The classes differ in colour and shape, so a classifier learns them well above chance. Depends on the BCL and
/// SkiaSharp only, so any test project (the notebook tests too) can link it.
/// </summary>
/// <param name="Root">The image folder.</param>
/// <param name="ClassNames">The class folders' names, in ordinal order (so a capital letter sorts first).</param>
/// <param name="TrainPerClass">Readable training images per class (for a folder without train/ and test/: all readable images).</param>
/// <param name="TestPerClass">Readable test images per class (0 for a folder without train/ and test/).</param>
/// <param name="Unreadable">Files that are not images, relative to <paramref name="Root"/> with '/' between folders.</param>
internal sealed record ImageFolderSample(string Root, IReadOnlyList<string> ClassNames, IReadOnlyList<int> TrainPerClass,
    IReadOnlyList<int> TestPerClass, IReadOnlyList<string> Unreadable)
{
    /// <summary>The classes, as folder names: one starts with a capital and one has a space.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["Blue stripes", "green squares", "red discs"];

    private static readonly (int Width, int Height)[] Sizes = [(48, 48), (64, 40), (33, 77), (120, 90), (17, 23), (200, 31)];

    private static readonly SKColor[] Colours = [new(40, 70, 220), new(40, 170, 60), new(220, 40, 40)];

    /// <summary>
    /// Writes the folder: <paramref name="perClass"/> ordinary images per class (split <paramref name="testPerClass"/> into
    /// test/ when <paramref name="split"/>), and the awkward files when <paramref name="specials"/>.
    /// </summary>
    public static ImageFolderSample Write(string root, bool split = false, int perClass = 10, int testPerClass = 3, bool specials = true, int seed = 1)
    {
        var random = new Random(seed);
        var train = new int[Classes.Count];
        var test = new int[Classes.Count];
        var unreadable = new List<string>();
        for (var c = 0; c < Classes.Count; c++)
        {
            var trainFolder = split ? Path.Combine(root, "train", Classes[c]) : Path.Combine(root, Classes[c]);
            var testFolder = split ? Path.Combine(root, "test", Classes[c]) : trainFolder;
            Directory.CreateDirectory(trainFolder);
            Directory.CreateDirectory(testFolder);
            for (var i = 0; i < perClass; i++)
            {
                var inTest = split && i < testPerClass;
                var (width, height) = Sizes[(i + c) % Sizes.Length];
                var jpeg = i % 2 == 1;
                using var bitmap = Draw(c, width, height, random);
                using var encoded = bitmap.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
                File.WriteAllBytes(Path.Combine(inTest ? testFolder : trainFolder, $"photo-{i:D3}.{(jpeg ? "jpg" : "png")}"), encoded.ToArray());
                _ = inTest ? test[c]++ : train[c]++;
            }
        }

        if (specials)
        {
            // One awkward file per kind, all in training folders.
            string In(int c) => split ? Path.Combine(root, "train", Classes[c]) : Path.Combine(root, Classes[c]);
            using var blue = Draw(0, 40, 40, random);
            var grey = blue.Pixels.Select(p => (byte)(0.3 * p.Red + 0.59 * p.Green + 0.11 * p.Blue)).ToArray();
            File.WriteAllBytes(Path.Combine(In(0), "grey.png"), PngFile.Encode(40, 40, PngFile.Colour.Grey, 8, grey));
            File.WriteAllBytes(Path.Combine(In(0), "deep.png"), PngFile.Encode(30, 20, PngFile.Colour.Rgb, 16, PngFile.Solid(30, 20, 16, 0x2828, 0x4646, 0xDCDC)));
            File.WriteAllBytes(Path.Combine(In(1), "palette.png"),
                PngFile.Encode(24, 24, PngFile.Colour.Palette, 8, [.. Enumerable.Range(0, 24 * 24).Select(i => (byte)(i % 24 / 6 % 2))], [40, 170, 60, 250, 250, 250]));
            File.WriteAllBytes(Path.Combine(In(2), "alpha.png"), PngFile.Encode(36, 36, PngFile.Colour.Rgba, 8, Disc(36)));
            File.WriteAllBytes(Path.Combine(In(2), "broken.jpg"), [0xFF, 0xD8, .. Enumerable.Range(0, 300).Select(_ => (byte)random.Next(256))]);
            File.WriteAllBytes(Path.Combine(In(1), ".DS_Store"), [0, 0, 0, 1]);
            unreadable.Add($"{(split ? "train/" : "")}{Classes[2]}/broken.jpg");
            train[0] += 2;
            train[1] += 1;
            train[2] += 1;
        }

        return new ImageFolderSample(root, Classes, train, test, unreadable);
    }

    /// <summary>A picture of class <paramref name="label"/>: its shape in its colour (with some jitter) on a random light background.</summary>
    public static SKBitmap Draw(int label, int width, int height, Random random)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        var shade = (byte)(170 + random.Next(70));
        canvas.Clear(new SKColor(shade, shade, (byte)(shade - 20)));
        var colour = Colours[label];
        using var paint = new SKPaint
        {
            Color = new SKColor((byte)Math.Clamp(colour.Red + random.Next(-25, 26), 0, 255), (byte)Math.Clamp(colour.Green + random.Next(-25, 26), 0, 255),
                (byte)Math.Clamp(colour.Blue + random.Next(-25, 26), 0, 255)),
            IsAntialias = true,
        };
        var size = Math.Min(width, height);
        var (cx, cy) = (width / 2f, height / 2f);
        switch (label)
        {
            case 0:
                for (var x = 0; x < width; x += Math.Max(2, size / 6))
                {
                    canvas.DrawRect(x, 0, Math.Max(1, size / 12), height, paint);
                }

                break;
            case 1:
                canvas.DrawRect(cx - size * 0.35f, cy - size * 0.35f, size * 0.7f, size * 0.7f, paint);
                break;
            default:
                canvas.DrawCircle(cx, cy, size * 0.4f, paint);
                break;
        }

        return bitmap;
    }

    /// <summary>RGBA samples of a red disc on a fully transparent background.</summary>
    private static byte[] Disc(int side)
    {
        var samples = new byte[side * side * 4];
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var inside = (x - side / 2.0) * (x - side / 2.0) + (y - side / 2.0) * (y - side / 2.0) < side * side / 7.0;
                var at = (y * side + x) * 4;
                (samples[at], samples[at + 1], samples[at + 2], samples[at + 3]) = inside ? ((byte)220, (byte)40, (byte)40, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0);
            }
        }

        return samples;
    }
}
