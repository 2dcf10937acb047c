using System.ComponentModel.DataAnnotations;

namespace DeepCnn.Data;

/// <summary>How a split is cut into batches and turned into network inputs.</summary>
public sealed record BatchOptions
{
    /// <summary>The most images in one batch: all 50,000 of CIFAR-10's training set.</summary>
    public const int MaxBatchSize = 50_000;

    /// <summary>The smallest network input side: CIFAR's own 32 (images are only ever upsampled).</summary>
    public const int MinImageSize = CifarLayout.Side;

    /// <summary>The largest network input side; a batch of 64 at 1024x1024 is already 800 MB of input alone.</summary>
    public const int MaxImageSize = 1024;

    /// <summary>The chapter's training batch: 64 images per SGD step.</summary>
    public const int TrainingBatchSize = 64;

    /// <summary>The evaluation batch: four training batches, since no graph is kept.</summary>
    public const int EvaluationBatchSize = 256;

    /// <summary>Images per batch.</summary>
    [Range(1, MaxBatchSize)]
    public int BatchSize { get; init; } = TrainingBatchSize;

    /// <summary>Reshuffle the order every epoch (training) or keep file order (evaluation).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Drop the last, smaller batch, as the chapter does for training, so every step sees a full batch.</summary>
    public bool DropLast { get; init; }

    /// <summary>Side of the network input; images are upsampled from 32 to this size (the caller's network decides it).</summary>
    [Range(MinImageSize, MaxImageSize)]
    public int ImageSize { get; init; } = CifarLayout.Side;

    /// <summary>Random crop (4-pixel zero padding) and horizontal flip of each 32x32 image; off by default.</summary>
    public bool Augment { get; init; }

    /// <summary>Seed for shuffling and augmentation: the same seed gives the same batches.</summary>
    public int Seed { get; init; }

    /// <summary>Training batches: shuffled, last partial batch dropped.</summary>
    public static BatchOptions Training(int batchSize = TrainingBatchSize, int seed = 0) =>
        new() { BatchSize = batchSize, Shuffle = true, DropLast = true, Seed = seed };

    /// <summary>Evaluation batches: file order, every image kept.</summary>
    public static BatchOptions Evaluation(int batchSize = EvaluationBatchSize) => new() { BatchSize = batchSize };
}
