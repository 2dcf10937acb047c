using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>What a checkpoint stores beside the weights: enough to rebuild the model and to say what it was trained on.</summary>
/// <param name="FormatVersion">Version of the checkpoint layout.</param>
/// <param name="Options">The training options of the run (variant, dropout and image size rebuild the network).</param>
/// <param name="History">Every finished epoch and the moving loss after every step.</param>
/// <param name="Stats">The normalisation the network was trained with.</param>
/// <param name="ClassNames">The classes, in label order.</param>
/// <param name="Origin">Which data the network was trained on.</param>
/// <param name="TrainImages">Training images in the run.</param>
/// <param name="TestImages">Test images in the run.</param>
/// <param name="SavedAt">When the checkpoint was written.</param>
/// <param name="Hashes">SHA-256 of each binary entry (weights, optimiser state), checked on loading.</param>
public sealed record CheckpointContents(
    int FormatVersion,
    TrainingOptions Options,
    TrainingHistory History,
    ChannelStats Stats,
    IReadOnlyList<string> ClassNames,
    DataOrigin Origin,
    int TrainImages,
    int TestImages,
    DateTimeOffset SavedAt,
    IReadOnlyDictionary<string, string>? Hashes = null)
{
    /// <summary>
    /// Checks that <paramref name="data"/> is the kind of data the model was trained on (real or synthetic, same
    /// classes); evaluating a CIFAR-10 model on synthetic images, or the reverse, would give a meaningless number.
    /// </summary>
    public void EnsureMatches(CifarDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Origin.IsSynthetic != Origin.IsSynthetic || !data.ClassNames.SequenceEqual(ClassNames))
        {
            throw new InvalidOperationException(
                $"The checkpoint was trained on {Origin.Name} ({string.Join(", ", ClassNames)}), " +
                $"but the data loaded is {data.Origin.Name} ({string.Join(", ", data.ClassNames)}). " +
                "Load the same data set as notebook 05 used, or train again on this one.");
        }
    }

    /// <summary>Evaluation batches of <paramref name="split"/>, normalised and resized exactly as in training.</summary>
    public BatchLoader EvaluationBatches(CifarSplit split, Device device) =>
        new(split, Options.EvaluationBatchOptions(), Stats, device);
}
