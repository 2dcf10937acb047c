namespace DeepCnn.Data;

/// <summary>How a split is cut into batches and turned into network inputs.</summary>
public sealed record BatchOptions
{
    /// <summary>Images per batch (the chapter used 64).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Reshuffle the order every epoch (training) or keep file order (evaluation).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Drop the last, smaller batch, as the chapter does for training, so every step sees a full batch.</summary>
    public bool DropLast { get; init; }

    /// <summary>Side of the network input; images are upsampled from 32 to this size (224 mimics ImageNet).</summary>
    public int ImageSize { get; init; } = 224;

    /// <summary>Random crop (4-pixel zero padding) and horizontal flip of each 32x32 image; off by default.</summary>
    public bool Augment { get; init; }

    /// <summary>Seed for shuffling and augmentation: the same seed gives the same batches.</summary>
    public int Seed { get; init; }

    /// <summary>Training batches: shuffled, last partial batch dropped.</summary>
    public static BatchOptions Training(int batchSize = 64, int seed = 0) =>
        new() { BatchSize = batchSize, Shuffle = true, DropLast = true, Seed = seed };

    /// <summary>Evaluation batches: file order, every image kept.</summary>
    public static BatchOptions Evaluation(int batchSize = 256) => new() { BatchSize = batchSize };
}
