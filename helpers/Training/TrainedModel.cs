using DeepCnn.Data;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>A model restored from a checkpoint, in eval mode, with everything needed to evaluate it as it was trained.</summary>
public sealed class TrainedModel(AlexNet model, CheckpointContents contents, Device device, string path) : IDisposable
{
    /// <summary>The restored network (eval mode).</summary>
    public AlexNet Model { get; } = model;

    /// <summary>Options, history, normalisation and data description saved with the weights.</summary>
    public CheckpointContents Contents { get; } = contents;

    /// <summary>Where the model lives.</summary>
    public Device Device { get; } = device;

    /// <summary>The checkpoint file it came from.</summary>
    public string Path { get; } = path;

    /// <summary>Evaluation batches of <paramref name="split"/>, normalised and resized exactly as in training.</summary>
    public BatchLoader Batches(CifarSplit split) =>
        new(split, BatchOptions.Evaluation(Contents.Options.EvalBatchSize) with { ImageSize = Contents.Options.ImageSize }, Contents.Stats, Device);

    /// <summary>Predictions for every image of <paramref name="split"/>.</summary>
    public Predictions Predict(CifarSplit split, Action<int, int>? progress = null, CancellationToken cancellation = default) =>
        Evaluator.Predict(Model, Batches(split), progress: progress, cancellation: cancellation);

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
