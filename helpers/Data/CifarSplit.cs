namespace DeepCnn.Data;

/// <summary>One split (train or test) of a CIFAR-format data set: raw label and pixel bytes, exactly as on disk.</summary>
public sealed class CifarSplit
{
    /// <summary>Creates a split; <paramref name="pixels"/> holds <see cref="CifarLayout.ImageBytes"/> bytes per label.</summary>
    public CifarSplit(string name, byte[] labels, byte[] pixels)
    {
        if (pixels.Length != labels.Length * CifarLayout.ImageBytes)
        {
            throw new ArgumentException(
                $"Split '{name}': {pixels.Length} pixel bytes for {labels.Length} labels; expected {labels.Length * CifarLayout.ImageBytes}.",
                nameof(pixels));
        }

        Name = name;
        Labels = labels;
        Pixels = pixels;
    }

    /// <summary>"train" or "test" (or a subset's name).</summary>
    public string Name { get; }

    /// <summary>One class index per image (0 to the number of classes - 1).</summary>
    public byte[] Labels { get; }

    /// <summary>Images back to back, each as R, G and B planes of 32x32 bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The pixel bytes of image <paramref name="index"/> (3x32x32, channel-major).</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * CifarLayout.ImageBytes, CifarLayout.ImageBytes);

    /// <summary>Images per class, indexed by class, for a data set of <paramref name="classCount"/> classes (a class without images counts 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is not below <paramref name="classCount"/>.</exception>
    public int[] ClassCounts(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var counts = new int[classCount];
        for (var i = 0; i < Labels.Length; i++)
        {
            if (Labels[i] >= classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(classCount),
                    $"Split '{Name}': image {i} has label {Labels[i]}; expected 0..{classCount - 1} for {classCount} classes.");
            }

            counts[Labels[i]]++;
        }

        return counts;
    }

    /// <summary>The first <paramref name="count"/> images (all when <paramref name="count"/> is null or larger), for quick runs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1: a split of no images.</exception>
    public CifarSplit Take(int? count)
    {
        if (count is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"A subset of {count} images of the {Name} split asked for; expected at least 1, or null for all {Count:N0}.");
        }

        if (count is null || count.Value >= Count)
        {
            return this;
        }

        var n = count.Value;
        return new CifarSplit($"{Name}[0..{n})", Labels[..n], Pixels[..(n * CifarLayout.ImageBytes)]);
    }
}
