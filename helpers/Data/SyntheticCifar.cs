using DeepCnn.Imaging;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// Generates stand-in images in the exact CIFAR-10 binary layout, for tests, quick runs and readers without the
/// download. Each class is a shape (disc, stripes, cross, ...) drawn at a random place and size, in a colour that
/// only loosely depends on the class, on a random background with pixel noise: learnable well above chance, but
/// not by colour alone. It is NOT CIFAR-10, and its class names say so.
/// </summary>
public static class SyntheticCifar
{
    /// <summary>The class names written to batches.meta.txt; each starts with "synthetic".</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "synthetic disc", "synthetic ring", "synthetic h-stripes", "synthetic v-stripes", "synthetic diagonal",
        "synthetic checker", "synthetic cross", "synthetic square", "synthetic triangle", "synthetic two-dots",
    ];

    /// <summary>
    /// Writes <c>cifar-10-batches-bin/</c> under <paramref name="folder"/>: the training images spread over
    /// data_batch_1..5.bin, the test images in test_batch.bin, and batches.meta.txt. Classes are balanced.
    /// Files are written to temporary names and moved into place, so a crash leaves no half-written batch.
    /// </summary>
    public static string Write(string folder, int trainCount = 10_000, int testCount = 2_000, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainCount, CifarLayout.TrainFiles.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(testCount, 1);
        var batches = Path.Combine(folder, CifarLayout.FolderName);
        Directory.CreateDirectory(batches);

        var perFile = trainCount / CifarLayout.TrainFiles.Count;
        for (var f = 0; f < CifarLayout.TrainFiles.Count; f++)
        {
            var count = f < CifarLayout.TrainFiles.Count - 1 ? perFile : trainCount - perFile * f;
            WriteBatch(Path.Combine(batches, CifarLayout.TrainFiles[f]), first: f * perFile, count, seed);
        }

        // Test images come from a disjoint index range, so no test image repeats a training one.
        WriteBatch(Path.Combine(batches, CifarLayout.TestFile), first: trainCount, testCount, seed);
        AtomicFile.WriteAllText(Path.Combine(batches, CifarLayout.MetaFile), string.Join('\n', ClassNames) + "\n");
        return batches;
    }

    /// <summary>Writes (if not already there with these settings) and reads synthetic data under <paramref name="folder"/>.</summary>
    public static CifarDataSet Load(string folder, int trainCount = 10_000, int testCount = 2_000, int seed = 1)
    {
        var stamp = Path.Combine(folder, "settings.txt");
        var settings = $"train={trainCount} test={testCount} seed={seed} generator=5";
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != settings)
        {
            Write(folder, trainCount, testCount, seed);
            AtomicFile.WriteAllText(stamp, settings);
        }

        return CifarReader.ReadFolder(folder, isSynthetic: true);
    }

    /// <summary>Draws image <paramref name="index"/>: the same index and seed always give the same record.</summary>
    public static void DrawRecord(int index, int seed, Span<byte> record)
    {
        var label = index % ClassNames.Count;
        var random = new Random(Seeds.Derive(seed, index));
        record[0] = (byte)label;
        var pixels = record[1..];

        var background = RandomColour(random, random.NextDouble() * 360, 0.1 + 0.3 * random.NextDouble(), 0.15 + 0.7 * random.NextDouble());
        // The hue leans towards the class but overlaps its neighbours: colour alone is a weak cue.
        var hue = label * 36 + (random.NextDouble() - 0.5) * 80;
        var foreground = RandomColour(random, hue, 0.5 + 0.5 * random.NextDouble(), 0.55 + 0.45 * random.NextDouble());
        var cx = 10 + random.NextDouble() * 12;
        var cy = 10 + random.NextDouble() * 12;
        var size = 6 + random.NextDouble() * 6;
        var period = 3 + random.Next(4);

        const int plane = CifarLayout.Side * CifarLayout.Side;
        for (var y = 0; y < CifarLayout.Side; y++)
        {
            for (var x = 0; x < CifarLayout.Side; x++)
            {
                var inside = Shape.Covers(label, x - cx, y - cy, size, period, x, y);
                var colour = inside ? foreground : background;
                for (var c = 0; c < CifarLayout.Channels; c++)
                {
                    var noisy = colour[c] + Gaussian(random) * 18;
                    pixels[c * plane + y * CifarLayout.Side + x] = (byte)Math.Clamp(Math.Round(noisy), 0, 255);
                }
            }
        }
    }

    private static void WriteBatch(string path, int first, int count, int seed)
    {
        var bytes = new byte[count * CifarLayout.RecordBytes];
        Parallel.For(0, count, i => DrawRecord(first + i, seed, bytes.AsSpan(i * CifarLayout.RecordBytes, CifarLayout.RecordBytes)));
        AtomicFile.WriteAllBytes(path, bytes);
    }

    private static double[] RandomColour(Random random, double hue, double saturation, double value)
    {
        // The value is jittered a little per image.
        var (r, g, b) = Hsv.ToRgb(hue, saturation, value);
        var jitter = 0.9 + 0.2 * random.NextDouble();
        return [255 * r * jitter, 255 * g * jitter, 255 * b * jitter];
    }

    // Roughly normal noise from four uniforms (Irwin-Hall): plain arithmetic, so every platform draws the same bytes.
    private static double Gaussian(Random random) =>
        (random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2) * Math.Sqrt(3);

    /// <summary>The ten shapes, as "is this pixel inside?" tests relative to the shape's centre.</summary>
    private static class Shape
    {
        public static bool Covers(int label, double dx, double dy, double size, int period, int x, int y)
        {
            var r = Math.Sqrt(dx * dx + dy * dy);
            var box = Math.Max(Math.Abs(dx), Math.Abs(dy)) <= size;
            return label switch
            {
                0 => r <= size,
                1 => r <= size && r >= size * 0.55,
                2 => box && y / (period / 2.0) % 2 < 1,
                3 => box && x / (period / 2.0) % 2 < 1,
                4 => box && (x + y) / (period / 2.0) % 2 < 1,
                5 => box && ((int)(x / (period / 1.5)) + (int)(y / (period / 1.5))) % 2 == 0,
                6 => (Math.Abs(dx) <= size * 0.3 && Math.Abs(dy) <= size) || (Math.Abs(dy) <= size * 0.3 && Math.Abs(dx) <= size),
                7 => Math.Max(Math.Abs(dx), Math.Abs(dy)) <= size * 0.8,
                8 => dy <= size * 0.8 && dy >= -size && Math.Abs(dx) <= (dy + size) * 0.5,
                _ => Math.Sqrt((dx - size * 0.6) * (dx - size * 0.6) + dy * dy) <= size * 0.4
                     || Math.Sqrt((dx + size * 0.6) * (dx + size * 0.6) + dy * dy) <= size * 0.4,
            };
        }
    }
}
