namespace DeepCnn.Tests;

/// <summary>
/// Writes data in CIFAR-10's binary layout that is not CIFAR-10: a reader's own copy, with its own class names (any
/// number of them), uneven batch files and unbalanced classes. Each class is a coloured square (its hue follows the
/// class) with stripes, on a grey, noisy background: learnable well above chance by colour alone. Depends on the BCL
/// only, so any test project (the notebook tests too) can link it.
/// </summary>
internal static class CifarLayoutCopy
{
    public const int Side = 32;
    public const int RecordBytes = 1 + 3 * Side * Side;
    public const string BatchesFolder = "cifar-10-batches-bin";

    public static IReadOnlyList<string> TrainFiles { get; } = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>CIFAR-10's own class names, in label order.</summary>
    public static IReadOnlyList<string> Cifar10ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// Writes <c><paramref name="root"/>/<paramref name="name"/>/cifar-10-batches-bin/</c> with
    /// <paramref name="trainPerClass"/>[c] training and <paramref name="testPerClass"/>[c] test images of class c, in a
    /// seeded random order (so the first N images hold every class), the training images spread unevenly over the five
    /// batch files (the fifth holds about five times the first). Returns <c><paramref name="root"/>/<paramref name="name"/></c>.
    /// </summary>
    public static string Write(string root, string name, IReadOnlyList<string> classNames, IReadOnlyList<int> trainPerClass,
        IReadOnlyList<int> testPerClass, int seed = 1)
    {
        if (classNames.Count != trainPerClass.Count || classNames.Count != testPerClass.Count)
        {
            throw new ArgumentException($"{classNames.Count} class names for {trainPerClass.Count} train and {testPerClass.Count} test counts.");
        }

        var folder = Path.Combine(root, name);
        var batches = Path.Combine(folder, BatchesFolder);
        Directory.CreateDirectory(batches);
        var random = new Random(seed);
        var train = Labels(trainPerClass, random);
        var test = Labels(testPerClass, random);
        if (train.Count < TrainFiles.Count)
        {
            throw new ArgumentException($"{train.Count} training images; the layout needs at least one per batch file ({TrainFiles.Count}).");
        }

        // Uneven files: file f gets about (f + 1) / 15 of the images, and at least one.
        var offset = 0;
        for (var f = 0; f < TrainFiles.Count; f++)
        {
            var count = f == TrainFiles.Count - 1 ? train.Count - offset : Math.Max(1, (train.Count - TrainFiles.Count) * (f + 1) / 15 + 1);
            File.WriteAllBytes(Path.Combine(batches, TrainFiles[f]), Records(train.Skip(offset).Take(count), classNames.Count, random));
            offset += count;
        }

        File.WriteAllBytes(Path.Combine(batches, "test_batch.bin"), Records(test, classNames.Count, random));
        File.WriteAllText(Path.Combine(batches, "batches.meta.txt"), string.Join('\n', classNames) + "\n\n");
        return folder;
    }

    /// <summary>
    /// Writes six batch files of exactly CIFAR-10's size (10,000 records each) with <paramref name="classNames"/>; the
    /// records are zeros (label 0, black pixels), written as sparse files, so it takes no time. Returns the folder.
    /// </summary>
    public static string WriteCifar10Sized(string root, string name, IReadOnlyList<string> classNames, int recordsInTestFile = 10_000)
    {
        var folder = Path.Combine(root, name);
        var batches = Path.Combine(folder, BatchesFolder);
        Directory.CreateDirectory(batches);
        foreach (var file in TrainFiles.Append("test_batch.bin"))
        {
            using var stream = File.Create(Path.Combine(batches, file));
            stream.SetLength((long)(file == "test_batch.bin" ? recordsInTestFile : 10_000) * RecordBytes);
        }

        File.WriteAllText(Path.Combine(batches, "batches.meta.txt"), string.Join('\n', classNames) + "\n\n");
        return folder;
    }

    private static List<int> Labels(IReadOnlyList<int> perClass, Random random)
    {
        var labels = perClass.SelectMany((count, label) => Enumerable.Repeat(label, count)).ToList();
        for (var i = labels.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }

        return labels;
    }

    private static byte[] Records(IEnumerable<int> labels, int classCount, Random random)
    {
        var list = labels.ToList();
        var bytes = new byte[list.Count * RecordBytes];
        for (var r = 0; r < list.Count; r++)
        {
            Draw(list[r], classCount, random, bytes.AsSpan(r * RecordBytes, RecordBytes));
        }

        return bytes;
    }

    private static void Draw(int label, int classCount, Random random, Span<byte> record)
    {
        record[0] = (byte)label;
        var colour = Hue(360.0 * label / classCount);
        var grey = 60 + random.Next(120);
        var size = 10 + random.Next(10);
        var (left, top) = (random.Next(Side - size), random.Next(Side - size));
        const int Plane = Side * Side;
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var inside = x >= left && x < left + size && y >= top && y < top + size && ((label % 2 == 0 ? x : y) / 2 % 2 == 0);
                for (var c = 0; c < 3; c++)
                {
                    var value = (inside ? colour[c] : grey) + random.Next(-20, 21);
                    record[1 + c * Plane + y * Side + x] = (byte)Math.Clamp(value, 0, 255);
                }
            }
        }
    }

    private static int[] Hue(double degrees)
    {
        var h = degrees / 60;
        var x = (int)(255 * (1 - Math.Abs(h % 2 - 1)));
        return (int)h switch
        {
            0 => [255, x, 0],
            1 => [x, 255, 0],
            2 => [0, 255, x],
            3 => [0, x, 255],
            4 => [x, 0, 255],
            _ => [255, 0, x],
        };
    }
}
