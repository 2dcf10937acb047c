using DeepCnn.Chapter;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Training;

/// <summary>A training run set up the way notebook 05 sets one up (its saved Setup, a run, a monitor), on small data and the CPU.</summary>
internal sealed class SmallRun : IDisposable
{
    /// <summary>The classic (padded) layers at 96x96 accept 96x96 inputs, five times cheaper than 224x224; the loop is the same.</summary>
    public static AlexNetConfig Classic96 { get; } = new() { Variant = AlexNetVariant.Classic, ImageSize = 96, Dropout = 0 };

    /// <summary>One epoch on the CPU; tests add their batch sizes.</summary>
    public static TrainingOptions Cpu { get; } = new() { Epochs = 1, Device = "cpu", EvalBatchSize = 50, TrainAccuracyImages = 50, Seed = 1 };

    /// <param name="data">The data.</param>
    /// <param name="options">How to train.</param>
    /// <param name="runsFolder">Where the run keeps its record and checkpoints.</param>
    /// <param name="config">The network (default: <see cref="Classic96"/>).</param>
    /// <param name="progress">Receives the monitor's reports.</param>
    /// <param name="cancellation">The monitor's cancellation.</param>
    /// <param name="learningRate">An optimiser learning rate beyond what the options allow (NaN, say), to break a run on purpose.</param>
    public SmallRun(CifarDataSet data, TrainingOptions options, string runsFolder, AlexNetConfig? config = null,
        IProgress<TrainingProgress>? progress = null, Func<CancellationToken>? cancellation = null, double? learningRate = null)
    {
        Config = config ?? Classic96;
        Options = options;
        (Net, Loss, Optimizer) = Setup.Create(Config, data.ClassNames.Count, options, CPU);
        if (learningRate is { } rate)
        {
            Optimizer.Dispose();
            Optimizer = optim.SGD(Net.parameters(), rate, momentum: options.Momentum, weight_decay: options.WeightDecay);
        }

        Batches = TrainingBatches.For(data, options, Config.ImageSize, CPU);
        Run = TrainingRun.Start(runsFolder, Net, Optimizer, Loss, Config, options, Batches);
        Monitor = new TrainingMonitor(Run, progress, cancellation);
    }

    public AlexNetConfig Config { get; }

    public TrainingOptions Options { get; }

    public AlexNet Net { get; }

    public nn.Module<Tensor, Tensor, Tensor> Loss { get; }

    public optim.Optimizer Optimizer { get; }

    public TrainingBatches Batches { get; }

    public TrainingRun Run { get; }

    public TrainingMonitor Monitor { get; }

    /// <summary>The chapter's loop, as notebook 05 calls it.</summary>
    public void Train() => TrainingLoop.Run(Net, Loss, Optimizer, Batches, Options, Run, Monitor);

    public void Dispose()
    {
        Optimizer.Dispose();
        Loss.Dispose();
        Net.Dispose();
    }
}

/// <summary>Records progress reports and can act on them (cancel a run at a given step, say).</summary>
internal sealed class ProgressRecorder(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
