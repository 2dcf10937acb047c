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

    /// <summary>
    /// Checks that <paramref name="data"/> is the kind of data the model was trained on (real or synthetic, same
    /// classes); evaluating a CIFAR-10 model on synthetic images, or the reverse, would give a meaningless number.
    /// </summary>
    public void EnsureMatches(CifarDataSet data)
    {
        if (data.Origin.IsSynthetic != Contents.Origin.IsSynthetic || !data.ClassNames.SequenceEqual(Contents.ClassNames))
        {
            throw new InvalidOperationException(
                $"The checkpoint {Path} was trained on {Contents.Origin.Name} ({string.Join(", ", Contents.ClassNames)}), " +
                $"but the data loaded is {data.Origin.Name} ({string.Join(", ", data.ClassNames)}). " +
                "Load the same data set as notebook 05 used, or train again on this one.");
        }
    }

    /// <summary>Predictions for every image of <paramref name="split"/>.</summary>
    public Predictions Predict(CifarSplit split, Action<int, int>? progress = null, CancellationToken cancellation = default) =>
        Evaluator.Predict(Model, Batches(split), progress: progress, cancellation: cancellation);

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
