using System.Globalization;
using DeepCnn.Configuration;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// The batches of one training run, all normalised with the training split's statistics: shuffled training batches
/// (last partial batch dropped, augmented when asked), and training and test images in file order for accuracy.
/// </summary>
/// <param name="Data">The data set the batches come from.</param>
/// <param name="Stats">Per-channel mean and standard deviation of the training split.</param>
/// <param name="Train">Shuffled training batches, reshuffled every epoch from the run's seed.</param>
/// <param name="TrainEvaluation">Training images in file order, for training accuracy.</param>
/// <param name="Test">Test images in file order.</param>
public sealed record TrainingBatches(CifarDataSet Data, ChannelStats Stats, BatchLoader Train, BatchLoader TrainEvaluation, BatchLoader Test)
{
    /// <summary>Builds the loaders <paramref name="options"/> asks for, placing batches on <paramref name="device"/>.</summary>
    public static TrainingBatches For(CifarDataSet data, TrainingOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        var stats = ChannelStats.Compute(data.Train);
        var training = BatchOptions.Training(options.BatchSize, options.Seed) with { ImageSize = options.ImageSize, Augment = options.Augment };
        var train = new BatchLoader(data.Train, training, stats, device);
        if (train.BatchCount == 0)
        {
            throw new ArgumentException(
                $"{data.Train.Count} training images make no full batch of {options.BatchSize} (TrainingOptions.BatchSize); " +
                "use more images or a smaller batch.", nameof(data));
        }

        var evaluation = options.EvaluationBatchOptions();
        return new TrainingBatches(data, stats, train, new BatchLoader(data.Train, evaluation, stats, device), new BatchLoader(data.Test, evaluation, stats, device));
    }

    /// <summary>One line: steps per epoch, images used and dropped, input size and device.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Train.BatchCount} steps of {Train.Options.BatchSize} images per epoch ({Train.ImagesPerEpoch:N0} of {Data.Train.Count:N0} training images; " +
        $"{Data.Train.Count - Train.ImagesPerEpoch} dropped), {Train.Options.ImageSize}x{Train.Options.ImageSize} inputs on {Train.Device}, " +
        $"test accuracy over {Data.Test.Count:N0} images of {Data.Origin.Name}");
}
