using System.ComponentModel.DataAnnotations;
using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;

namespace DeepCnn.Training;

/// <summary>
/// How notebook 05 trains: epochs, batch, the optimiser's settings, input scaling, device and seed. Defaults keep the
/// chapter's choices where they were sound and fix its known gaps; <see cref="Chapter"/> holds the chapter's exact values.
/// The network's own settings are an <see cref="AlexNetConfig"/>. Every property can be overridden by an ALEXNET_*
/// environment variable (see <see cref="EnvironmentOverrides"/>).
/// </summary>
public sealed record TrainingOptions : IHasProfiles<TrainingOptions>
{
    /// <summary>Passes over the training set. Chapter: 1 ("so tests can run quickly").</summary>
    [Range(1, int.MaxValue)]
    public int Epochs { get; init; } = 10;

    /// <summary>Images per SGD step. Chapter: 64.</summary>
    [Range(1, BatchOptions.MaxBatchSize)]
    public int BatchSize { get; init; } = BatchOptions.TrainingBatchSize;

    /// <summary>SGD step size. Chapter: 0.001, which with plain SGD on raw pixels reached about 34% after an epoch in its notebook.</summary>
    [Range(0.0, AlexNetInput.MaxScale, MinimumIsExclusive = true)]
    public double LearningRate { get; init; } = 0.01;

    /// <summary>SGD momentum. Chapter: 0 (plain SGD); 0.9 is the paper's and the usual choice.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay. Chapter: 0; the paper used 0.0005.</summary>
    [Range(0.0, AlexNetInput.MaxScale)]
    public double WeightDecay { get; init; } = 0.0005;

    /// <summary>
    /// Scale pixels to [0, 1] and normalise each channel with the training set's mean and standard deviation. Chapter: no,
    /// it fed raw 0..255 values (its transformer only cast them to float32).
    /// </summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Weight of the newest batch in the moving-average loss. Chapter: 0.01.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double LossSmoothing { get; init; } = 0.01;

    /// <summary>Random crop and horizontal flip of training images. Chapter: none.</summary>
    public bool Augment { get; init; }

    /// <summary>Batch size for evaluation (no graph is kept, so larger batches fit).</summary>
    [Range(1, BatchOptions.MaxBatchSize)]
    public int EvalBatchSize { get; init; } = BatchOptions.EvaluationBatchSize;

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

    /// <summary>Seed for the initial weights, dropout, shuffling and augmentation.</summary>
    public int Seed { get; init; }

    /// <summary>Earlier runs whose checkpoints are kept in the cache (their records always are); the best run's are never removed.</summary>
    [Range(1, 1_000)]
    public int KeepRuns { get; init; } = 10;

    /// <summary>The chapter's exact choices, gaps included, for a side-by-side run (with <see cref="AlexNetConfig.Chapter"/>).</summary>
    public static TrainingOptions Chapter { get; } = new()
    {
        Epochs = 1,
        LearningRate = 0.001,
        Momentum = 0,
        WeightDecay = 0,
        Normalize = false,
        TrainAccuracyImages = null,
        Device = "cpu",
    };

    /// <summary>How evaluation batches are made: in file order, <see cref="EvalBatchSize"/> at a time, at <paramref name="imageSize"/>.</summary>
    public BatchOptions EvaluationBatchOptions(int imageSize) => BatchOptions.Evaluation(EvalBatchSize) with { ImageSize = imageSize };

    /// <inheritdoc />
    public TrainingOptions For(RunProfile profile) => profile switch
    {
        // Two short epochs: about 40 s of training on two cores. Batches of 16 give the 768 quick images 48 steps an
        // epoch, enough to leave the flat start within the run (with 32 a batch the loss was still flat at the end).
        RunProfile.Quick => this with
        {
            Epochs = Math.Min(Epochs, 2),
            BatchSize = Math.Min(BatchSize, 16),
            TrainAccuracyImages = Math.Min(TrainAccuracyImages ?? int.MaxValue, 128),
        },
        // About ten minutes of training on two cores (README and notebook 05 give the measurement).
        RunProfile.Class => this with
        {
            Epochs = Math.Min(Epochs, 3),
            TrainAccuracyImages = Math.Min(TrainAccuracyImages ?? int.MaxValue, 1_000),
        },
        _ => this,
    };
}
