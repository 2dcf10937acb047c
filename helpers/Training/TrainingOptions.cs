using System.ComponentModel.DataAnnotations;
using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;

namespace DeepCnn.Training;

/// <summary>
/// Everything that shapes a training run. Defaults keep the chapter's choices where they were sound and fix its
/// known gaps; <see cref="Chapter"/> holds the chapter's exact values for comparison. Every property can be
/// overridden by an ALEXNET_* environment variable (see <see cref="EnvironmentOverrides"/>).
/// </summary>
public sealed record TrainingOptions : IHasQuickProfile<TrainingOptions>
{
    /// <summary>Which AlexNet (chapter: its own layers, as <see cref="AlexNetVariant.Chapter"/>).</summary>
    public AlexNetVariant Variant { get; init; } = AlexNetVariant.Chapter;

    /// <summary>
    /// Dropout after each 4096-wide layer, the one place its default is set (the network takes it as an argument).
    /// Chapter: none ("add dropout once the API is final"); 0.5 as in the paper.
    /// </summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Dropout { get; init; } = 0.5;

    /// <summary>Passes over the training set. Chapter: 1 ("so tests can run quickly").</summary>
    [Range(1, int.MaxValue)]
    public int Epochs { get; init; } = 10;

    /// <summary>Images per SGD step. Chapter: 64.</summary>
    [Range(1, BatchOptions.MaxBatchSize)]
    public int BatchSize { get; init; } = 64;

    /// <summary>SGD step size. Chapter: 0.001, which with plain SGD learns slowly (about 34% after an epoch in its notebook).</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double LearningRate { get; init; } = 0.01;

    /// <summary>SGD momentum. Chapter: 0 (plain SGD); 0.9 is the paper's and the usual choice.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay. Chapter: 0; the paper used 0.0005.</summary>
    [Range(0.0, double.MaxValue)]
    public double WeightDecay { get; init; } = 0.0005;

    /// <summary>Xavier initialisation magnitude (MXNet's scale; 3 is Glorot's original). Chapter: 2.24.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double XavierMagnitude { get; init; } = 2.24;

    /// <summary>Weight of the newest batch in the moving-average loss. Chapter: 0.01.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double LossSmoothing { get; init; } = 0.01;

    /// <summary>Random crop and horizontal flip of training images. Chapter: none.</summary>
    public bool Augment { get; init; }

    /// <summary>Network input side; CIFAR's 32x32 images are upsampled to it. Chapter: 224.</summary>
    [Range(BatchOptions.MinImageSize, BatchOptions.MaxImageSize)]
    public int ImageSize { get; init; } = 224;

    /// <summary>Batch size for evaluation (no graph is kept, so larger batches fit).</summary>
    [Range(1, BatchOptions.MaxBatchSize)]
    public int EvalBatchSize { get; init; } = 256;

    /// <summary>How evaluation batches are made: in file order, <see cref="EvalBatchSize"/> at a time, at <see cref="ImageSize"/>.</summary>
    public BatchOptions EvaluationBatchOptions() => BatchOptions.Evaluation(EvalBatchSize) with { ImageSize = ImageSize };

    /// <summary>
    /// Training images whose accuracy is measured after each epoch (null: all). The chapter measured all 50,000,
    /// which costs a third of an epoch; 10,000 estimate it within about half a percent.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? TrainAccuracyImages { get; init; } = 10_000;

    /// <summary>"auto" (CUDA if present, else CPU), "cpu" or "cuda[:N]". Chapter: CPU hard-coded.</summary>
    [RegularExpression(Devices.NamePattern, ErrorMessage = Devices.NameExpectation)]
    public string Device { get; init; } = "auto";

    /// <summary>CPU threads for TorchSharp (null: its default, one per core).</summary>
    [Range(1, CpuThreads.MaxThreads)]
    public int? Threads { get; init; }

    /// <summary>Seed for shuffling and augmentation; notebooks also pass it to <c>manual_seed</c> for initialisation and dropout.</summary>
    public int Seed { get; init; }

    /// <summary>The chapter's exact choices, gaps included, for a side-by-side run.</summary>
    public static TrainingOptions Chapter { get; } = new()
    {
        Dropout = 0,
        Epochs = 1,
        LearningRate = 0.001,
        Momentum = 0,
        WeightDecay = 0,
        TrainAccuracyImages = null,
        Device = "cpu",
    };

    /// <inheritdoc />
    public TrainingOptions ForQuickProfile() => this with
    {
        Epochs = Math.Min(Epochs, 3),
        BatchSize = Math.Min(BatchSize, 32),
        TrainAccuracyImages = Math.Min(TrainAccuracyImages ?? int.MaxValue, 500),
    };
}
