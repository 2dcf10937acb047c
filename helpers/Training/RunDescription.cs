using DeepCnn.Data;
using DeepCnn.Models;

namespace DeepCnn.Training;

/// <summary>
/// Everything a training run was: the network's settings and shape, the optimiser and loss as built, the training
/// options, the version of the chapter's code, the data and its scaling, the device. Saved in the run's folder and in
/// every checkpoint, so a run can be compared with others and its network built again.
/// </summary>
/// <param name="Name">The run's folder name, e.g. "20261204-193512-chapter".</param>
/// <param name="StartedAt">When the run was started.</param>
/// <param name="Config">The network's settings (notebook 04's AlexNet and Xavier take them).</param>
/// <param name="Options">How it was trained.</param>
/// <param name="Network">The network's type and every trainable tensor's shape.</param>
/// <param name="Optimizer">The optimiser as built (type and settings, read from the optimiser).</param>
/// <param name="Loss">The loss function's type.</param>
/// <param name="Code">For each saved type of the chapter's code (AlexNet, Xavier, ...), its fingerprint and where it came from.</param>
/// <param name="Data">Which data (origin and name).</param>
/// <param name="ClassNames">The classes, in label order.</param>
/// <param name="TrainImages">Training images in the run.</param>
/// <param name="TestImages">Test images in the run.</param>
/// <param name="Stats">How inputs were scaled (the normalisation, or raw pixels).</param>
/// <param name="Device">Where it trained, in words.</param>
public sealed record RunDescription(
    string Name,
    DateTimeOffset StartedAt,
    AlexNetConfig Config,
    TrainingOptions Options,
    NetworkDescription Network,
    OptimizerDescription Optimizer,
    string Loss,
    IReadOnlyDictionary<string, string> Code,
    DataOrigin Data,
    IReadOnlyList<string> ClassNames,
    int TrainImages,
    int TestImages,
    ChannelStats Stats,
    string Device)
{
    /// <summary>
    /// Checks that <paramref name="data"/> is the kind of data the network was trained on (the same classes, real or
    /// synthetic alike); a CIFAR-10 network evaluated on synthetic images, or the reverse, gives a meaningless number.
    /// </summary>
    /// <exception cref="InvalidOperationException">The data differs; the message names both.</exception>
    public void EnsureMatches(CifarDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Origin.IsSynthetic != Data.IsSynthetic || !data.ClassNames.SequenceEqual(ClassNames))
        {
            throw new InvalidOperationException(
                $"Run {Name} was trained on {Data.Name} ({string.Join(", ", ClassNames)}), " +
                $"but the data loaded is {data.Origin.Name} ({string.Join(", ", data.ClassNames)}). " +
                "Load the same data set as notebook 05 used, or train again on this one.");
        }
    }

    /// <summary>Evaluation batches of <paramref name="split"/>, scaled and resized exactly as in training.</summary>
    public BatchLoader EvaluationBatches(CifarSplit split, TorchSharp.torch.Device device) =>
        new(split, Options.EvaluationBatchOptions(Config.ImageSize), Stats, device);
}
