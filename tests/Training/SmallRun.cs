using DeepCnn.Chapter;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Training;

/// <summary>A training run set up the way notebook 05 sets one up, on small data and on the CPU.</summary>
internal sealed class SmallRun : IDisposable
{
    /// <summary>
    /// One epoch of the classic (padded) layers at 96x96 on the CPU: they accept 96x96 inputs, five times cheaper than
    /// 224x224, and the loop is the same. Tests add their batch sizes.
    /// </summary>
    public static TrainingOptions Cpu96 { get; } = new()
    {
        Variant = AlexNetVariant.Classic,
        ImageSize = 96,
        Epochs = 1,
        Device = "cpu",
    };

    public SmallRun(CifarDataSet data, TrainingOptions options, string? checkpoint = null,
        IProgress<TrainingProgress>? progress = null, Func<CancellationToken>? cancellation = null, double? learningRate = null)
    {
        manual_seed(options.Seed);
        Net = new AlexNet(options.Variant, data.ClassNames.Count, options.Dropout, options.ImageSize);
        Xavier.Initialize(Net, options.XavierMagnitude);
        Optimizer = optim.SGD(Net.parameters(), learningRate ?? options.LearningRate, momentum: options.Momentum, weight_decay: options.WeightDecay);
        Batches = TrainingBatches.For(data, options, CPU);
        Run = new TrainingRun(Batches, options, checkpoint, progress, cancellation);
    }

    public AlexNet Net { get; }

    public CrossEntropyLoss Loss { get; } = nn.CrossEntropyLoss();

    public SGD Optimizer { get; }

    public TrainingBatches Batches { get; }

    public TrainingRun Run { get; }

    /// <summary>The chapter's loop, as notebook 05 calls it.</summary>
    public void Train() => TrainingLoop.Run(Net, Loss, Optimizer, Run);

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
