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
        var config = new AlexNetConfig { Variant = variant, ImageSize = check.ImageSize };
        var options = new TrainingOptions
        {
            Epochs = check.Epochs,
            BatchSize = check.BatchSize,
            TrainAccuracyImages = Math.Min(2_000, data.Train.Count),
            Device = device.ToString(),
        };

        // Notebook 05: the saved set-up (seed, network, initialisation, loss, optimiser), the batches, a run, the loop.
        var (net, lossFunction, optimizer) = Setup.Create(config, data.ClassNames.Count, options, device);
        using var disposeNet = net;
        using var disposeLoss = lossFunction;
        using var disposeOptimizer = optimizer;
        var batches = TrainingBatches.For(data, options, config.ImageSize, device);
        var run = TrainingRun.Start(Path.Combine(folder, "runs"), net, optimizer, lossFunction, config, options, batches);
        TrainingLoop.Run(net, lossFunction, optimizer, batches, options, run, new TrainingMonitor(run, new EpochLog(variant, log)));

        // Notebook 06: rebuild the network from the run's best checkpoint and measure it with notebook 05's accuracy.
        var checkpoint = Runs.CheckpointToEvaluate(Path.Combine(folder, "runs"), run.Name);
        var saved = Checkpoint.ReadContents(checkpoint);
        using var reloaded = new AlexNet(saved.Run.Config, saved.Run.ClassNames.Count);
        Checkpoint.Load(checkpoint, reloaded);
        reloaded.to(device);
        var accuracy = Accuracy.Of(reloaded, saved.Run.EvaluationBatches(data.Test, device).Each());

        // The step alone, on one batch prepared beforehand: the loop's ceiling.
        net.train();
        using var batch = batches.Train.Epoch(0).First();
        var step = Timing.Measure(() => Minibatch.Step(net, lossFunction, optimizer, batch), check.StepRepetitions, warmup: 3, device);
        var summary = ModelSummary.Of(net, config.ImageSize);
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
