using System.Globalization;
using DeepCnn.Configuration;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// The batches of one training run, all scaled the same way (normalised with the training split's statistics, or raw
/// 0..255 pixels when <see cref="TrainingOptions.Normalize"/> is off): shuffled training batches (last partial batch
/// dropped, augmented when asked), and training and test images in file order for accuracy.
/// </summary>
/// <param name="Data">The data set the batches come from.</param>
/// <param name="Stats">How pixels are scaled: the training split's per-channel statistics, or <see cref="ChannelStats.RawPixels"/>.</param>
/// <param name="Train">Shuffled training batches, reshuffled every epoch from the run's seed.</param>
/// <param name="TrainSample">Training images in file order, up to <see cref="TrainingOptions.TrainAccuracyImages"/>, for training accuracy.</param>
/// <param name="Test">Test images in file order.</param>
public sealed record TrainingBatches(CifarDataSet Data, ChannelStats Stats, BatchLoader Train, BatchLoader TrainSample, BatchLoader Test)
{
    /// <summary>Builds the loaders <paramref name="options"/> asks for at <paramref name="imageSize"/>, placing batches on <paramref name="device"/>.</summary>
    public static TrainingBatches For(CifarDataSet data, TrainingOptions options, int imageSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        var stats = options.Normalize ? ChannelStats.Compute(data.Train) : ChannelStats.RawPixels;
        var training = BatchOptions.Training(options.BatchSize, options.Seed) with { ImageSize = imageSize, Augment = options.Augment };
        var train = new BatchLoader(data.Train, training, stats, device);
        if (train.BatchCount == 0)
        {
            throw new ArgumentException(
                $"{data.Train.Count} training images make no full batch of {options.BatchSize} (TrainingOptions.BatchSize); " +
                "use more images or a smaller batch.", nameof(data));
        }

        var evaluation = options.EvaluationBatchOptions(imageSize);
        var sample = data.Train.Take(options.TrainAccuracyImages);
        return new TrainingBatches(data, stats, train, new BatchLoader(sample, evaluation, stats, device), new BatchLoader(data.Test, evaluation, stats, device));
    }

    /// <summary>One line: steps per epoch, images used and dropped, input size and scaling, device.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Train.BatchCount} steps of {Train.Options.BatchSize} images per epoch ({Train.ImagesPerEpoch:N0} of {Data.Train.Count:N0} training images; " +
        $"{Data.Train.Count - Train.ImagesPerEpoch} dropped), {Train.Options.ImageSize}x{Train.Options.ImageSize} inputs on {Train.Device}, " +
        $"scaling: {(Stats.IsRaw ? "none (raw 0..255 pixels, as the chapter)" : "normalised per channel")}; " +
        $"accuracy on {TrainSample.Split.Count:N0} training and {Test.Split.Count:N0} test images of {Data.Origin.Name}");
}
