using DeepCnn.Chapter;
using DeepCnn.Compute;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.GpuCheck;

/// <summary>One variant, end to end, with exactly the code notebooks 04-06 run.</summary>
internal static class VariantCheck
{
    public static VariantResult Run(AlexNetVariant variant, CifarDataSet data, CheckOptions check, Device device, string folder, Action<string> log)
    {
        var options = new TrainingOptions
        {
            Variant = variant,
            Epochs = check.Epochs,
            BatchSize = check.BatchSize,
            ImageSize = check.ImageSize,
            TrainAccuracyImages = Math.Min(2_000, data.Train.Count),
            Device = device.ToString(),
        };
        var checkpoint = Path.Combine(folder, $"{variant.ToString().ToLowerInvariant()}.ckpt");

        // Notebook 05: seed, network, initialisation, loss, optimiser, batches, the run, the loop.
        manual_seed(options.Seed);
        using var net = new AlexNet(options.Variant, data.ClassNames.Count, options.Dropout, options.ImageSize);
        Xavier.Initialize(net, options.XavierMagnitude);
        net.to(device);
        using var lossFunction = nn.CrossEntropyLoss();
        using var optimizer = optim.SGD(net.parameters(), options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay);
        var batches = TrainingBatches.For(data, options, device);
        var run = new TrainingRun(batches, options, checkpoint, new EpochLog(variant, log));
        TrainingLoop.Run(net, lossFunction, optimizer, run);

        // Notebook 06: rebuild the network from the checkpoint's options and evaluate it.
        var saved = Checkpoint.ReadContents(checkpoint);
        using var reloaded = new AlexNet(saved.Options.Variant, saved.ClassNames.Count, saved.Options.Dropout, saved.Options.ImageSize);
        Checkpoint.Load(checkpoint, reloaded);
        reloaded.to(device);
        var accuracy = Evaluator.Predict(reloaded, saved.EvaluationBatches(data.Test, device)).Accuracy;

        // The step alone, on one batch prepared beforehand: the loop's ceiling.
        net.train();
        using var batch = batches.Train.Epoch(0).First();
        var step = Timing.Measure(() => Minibatch.Step(net, lossFunction, optimizer, batch), check.StepRepetitions, warmup: 3, device);
        var summary = ModelSummary.Of(net, options.ImageSize);
        return new VariantResult(variant, summary.TotalParameters, summary.TrainingFlops, run.History.Epochs, accuracy,
            batch.Count / step.Median);
    }

    private sealed class EpochLog(AlexNetVariant variant, Action<string> log) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.CompletedEpoch is { } epoch)
            {
                log(FormattableString.Invariant($"  {variant} epoch {epoch.Epoch}/{value.Epochs}: loss {epoch.MovingLoss:F3}, ") +
                    FormattableString.Invariant($"train {epoch.TrainAccuracy:P1}, test {epoch.TestAccuracy:P1}, {epoch.ImagesPerSecond:F0} images/s"));
            }
        }
    }
}
