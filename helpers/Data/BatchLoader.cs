using DeepCnn.Configuration;
using static TorchSharp.torch;

namespace DeepCnn.Data;

/// <summary>
/// Cuts a split into batches: seeded shuffle, optional augmentation on the 32x32 bytes, scaling to [0, 1] and
/// per-channel normalisation while the bytes are gathered, then on the target device a bilinear upsampling to the
/// input size (<see cref="BilinearResize"/>).
/// </summary>
public sealed class BatchLoader
{
    private readonly CifarSplit split;
    private readonly float[] scale;
    private readonly float[] shift;
    private readonly BilinearResize? resize;

    /// <summary>Creates a loader; <paramref name="stats"/> should come from the training split.</summary>
    /// <exception cref="InvalidOptionsException">The batch size or image size is out of range.</exception>
    public BatchLoader(CifarSplit split, BatchOptions options, ChannelStats stats, Device? device = null)
    {
        options.Validate();
        this.split = split;
        Options = options;
        Stats = stats;
        Device = device ?? CPU;
        // (b / 255 - mean) / std as one multiply-add per byte: b * scale + shift.
        scale = stats.Std.Select(s => 1 / (255 * s)).ToArray();
        shift = stats.Mean.Select((m, c) => -m / stats.Std[c]).ToArray();
        // Its two small weight matrices live as long as the loader (they stay out of any dispose scope).
        resize = options.ImageSize == CifarLayout.Side ? null : new BilinearResize(CifarLayout.Side, options.ImageSize, Device);
    }

    /// <summary>The batching settings.</summary>
    public BatchOptions Options { get; }

    /// <summary>The normalisation applied.</summary>
    public ChannelStats Stats { get; }

    /// <summary>Where batches are placed.</summary>
    public Device Device { get; }

    /// <summary>The split being batched.</summary>
    public CifarSplit Split => split;

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => Options.DropLast
        ? split.Count / Options.BatchSize
        : (split.Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>How many batches cover the split's first <paramref name="images"/> images: all of them when null.</summary>
    public int BatchesFor(int? images) => images is { } n
        ? (int)Math.Min(BatchCount, ((long)n + Options.BatchSize - 1) / Options.BatchSize)
        : BatchCount;

    /// <summary>Images per epoch (fewer than the split when the last partial batch is dropped).</summary>
    public int ImagesPerEpoch => Options.DropLast ? BatchCount * Options.BatchSize : split.Count;

    /// <summary>The image indices of every batch of <paramref name="epoch"/>.</summary>
    public IEnumerable<int[]> IndexBatches(int epoch = 0)
    {
        var order = Enumerable.Range(0, split.Count).ToArray();
        if (Options.Shuffle)
        {
            new Random(Seeds.Derive(Options.Seed, epoch)).Shuffle(order);
        }

        for (var b = 0; b < BatchCount; b++)
        {
            var start = b * Options.BatchSize;
            yield return order[start..Math.Min(start + Options.BatchSize, order.Length)];
        }
    }

    /// <summary>
    /// The batches of <paramref name="epoch"/>, after the first <paramref name="skip"/> (to go on with an interrupted
    /// epoch); the caller disposes each one. Shuffle and augmentation follow <see cref="BatchOptions.Seed"/>, the epoch and
    /// the batch's position, so the same batch comes out the same whatever was skipped.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch = 0, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        var b = 0;
        foreach (var indices in IndexBatches(epoch))
        {
            var augmentSeed = Seeds.Derive(Options.Seed, ((long)epoch << 32) | (uint)b++);
            if (b > skip)
            {
                yield return Load(indices, augmentSeed);
            }
        }
    }

    /// <summary>
    /// The batches of <paramref name="epoch"/> after the first <paramref name="skip"/>, for a loop that uses each batch once:
    /// the next batch is prepared on another thread while the current one is in use, and each is freed as soon as the loop
    /// moves on to the next (or leaves early).
    /// </summary>
    public IEnumerable<Batch> Each(int epoch = 0, int skip = 0)
    {
        foreach (var batch in Prefetch.OneAhead(Epoch(epoch, skip)))
        {
            try
            {
                yield return batch;
            }
            finally
            {
                batch.Dispose();
            }
        }
    }

    /// <summary>Builds the batch of the given images; <paramref name="augmentSeed"/> drives crop and flip when augmenting.</summary>
    public Batch Load(int[] indices, int augmentSeed = 0)
    {
        const int plane = CifarLayout.Side * CifarLayout.Side;
        var pixels = new float[indices.Length * CifarLayout.ImageBytes];
        var labels = new long[indices.Length];
        var augmented = Options.Augment ? new byte[CifarLayout.ImageBytes] : null;
        var random = new Random(augmentSeed);
        for (var i = 0; i < indices.Length; i++)
        {
            ReadOnlySpan<byte> image = split.Image(indices[i]);
            if (augmented is not null)
            {
                Augmentation.CropAndFlip(image, augmented, random);
                image = augmented;
            }

            // Normalising here, at 32x32, is 49 times cheaper than at 224x224 and gives the same result (resizing is
            // linear), and a plain loop costs less than the four tensor operations it replaces.
            var target = pixels.AsSpan(i * CifarLayout.ImageBytes, CifarLayout.ImageBytes);
            for (var c = 0; c < CifarLayout.Channels; c++)
            {
                var source = image.Slice(c * plane, plane);
                var channel = target.Slice(c * plane, plane);
                var (multiply, add) = (scale[c], shift[c]);
                for (var p = 0; p < plane; p++)
                {
                    channel[p] = source[p] * multiply + add;
                }
            }

            labels[i] = split.Labels[indices[i]];
        }

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [indices.Length, CifarLayout.Channels, CifarLayout.Side, CifarLayout.Side]).to(Device);
        if (resize is not null)
        {
            images = resize.Apply(images);
        }

        return new Batch(images.MoveToOuterDisposeScope(), tensor(labels, device: Device).MoveToOuterDisposeScope(), indices);
    }

}
