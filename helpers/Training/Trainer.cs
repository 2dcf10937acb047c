using System.Diagnostics;
using System.Globalization;
using DeepCnn.Compute;
using DeepCnn.Data;
using DeepCnn.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// The chapter's training loop, made explicit: epochs of SGD with softmax cross-entropy, the moving-average loss,
/// then train and test accuracy measured in eval mode without a graph. Owns the model, optimiser and batch loaders.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly SGD optimizer;
    private readonly CrossEntropyLoss lossFunction = nn.CrossEntropyLoss();
    private readonly MovingAverage movingLoss;

    /// <summary>Builds a Xavier-initialised AlexNet for <paramref name="data"/> and the loaders it trains and evaluates on.</summary>
    public Trainer(CifarDataSet data, TrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        // Before the first tensor: libtorch reads the huge-page setting at its first allocation.
        AllocatorTuning.Apply();
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        Data = data;
        Options = options;
        Device = Devices.Resolve(options.Device);
        Stats = ChannelStats.Compute(data.Train);
        manual_seed(options.Seed);
        Model = new AlexNet(options.Variant, data.ClassNames.Count, options.Dropout);
        XavierInit.Apply(Model, options.XavierMagnitude, options.Seed);
        Model.to(Device);
        optimizer = optim.SGD(Model.parameters(), options.LearningRate, options.Momentum, weight_decay: options.WeightDecay);
        movingLoss = new MovingAverage(options.LossSmoothing);

        TrainBatches = new BatchLoader(data.Train, BatchOptions.Training(options.BatchSize, options.Seed) with
        {
            ImageSize = options.ImageSize,
            Augment = options.Augment,
        }, Stats, Device);
        if (TrainBatches.BatchCount == 0)
        {
            throw new ArgumentException(
                $"{data.Train.Count} training images make no full batch of {options.BatchSize}; use more images or a smaller batch.", nameof(data));
        }

        var evaluation = BatchOptions.Evaluation(options.EvalBatchSize) with { ImageSize = options.ImageSize };
        TrainEvaluationBatches = new BatchLoader(data.Train, evaluation, Stats, Device);
        TestBatches = new BatchLoader(data.Test, evaluation, Stats, Device);
    }

    /// <summary>The network being trained.</summary>
    public AlexNet Model { get; }

    /// <summary>The data it trains on.</summary>
    public CifarDataSet Data { get; }

    /// <summary>The settings of this run.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Where the model and batches live.</summary>
    public Device Device { get; }

    /// <summary>The normalisation measured on the training split.</summary>
    public ChannelStats Stats { get; }

    /// <summary>Shuffled training batches, last partial batch dropped.</summary>
    public BatchLoader TrainBatches { get; }

    /// <summary>Training images in file order, for measuring training accuracy.</summary>
    public BatchLoader TrainEvaluationBatches { get; }

    /// <summary>Test images in file order.</summary>
    public BatchLoader TestBatches { get; }

    /// <summary>Completed epochs and the loss after every step.</summary>
    public TrainingHistory History { get; private set; } = new();

    /// <summary>
    /// Trains for the remaining epochs, reporting progress after every batch. When <paramref name="checkpointPath"/>
    /// is given, a checkpoint is written (atomically) after every completed epoch, so a stopped run keeps its last good state.
    /// </summary>
    public TrainingHistory Fit(IProgress<TrainingProgress>? progress = null, string? checkpointPath = null, CancellationToken cancellation = default)
    {
        for (var epoch = History.Epochs.Count + 1; epoch <= Options.Epochs; epoch++)
        {
            var result = RunEpoch(epoch, progress, cancellation);
            if (checkpointPath is not null)
            {
                Checkpoint.Save(checkpointPath, this);
            }

            progress?.Report(new TrainingProgress(TrainingPhase.EvaluatingTest, epoch, Options.Epochs, TestBatches.BatchCount,
                TestBatches.BatchCount, result.MovingLoss, result.ImagesPerSecond, result));
        }

        return History;
    }

    /// <summary>One epoch: SGD over every training batch, then train and test accuracy.</summary>
    public EpochResult RunEpoch(int epoch, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        Model.train();
        var clock = Stopwatch.StartNew();
        var images = 0;
        var batchNumber = 0;
        foreach (var indices in TrainBatches.IndexBatches(epoch))
        {
            cancellation.ThrowIfCancellationRequested();
            batchNumber++;
            using var batch = TrainBatches.Load(indices, augmentSeed: epoch * 1_000_003 + batchNumber);
            var loss = Step(batch);
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(epoch, batchNumber, loss, Options.LearningRate);
            }

            History.MovingLoss.Add(movingLoss.Add(loss));
            images += batch.Count;
            progress?.Report(new TrainingProgress(TrainingPhase.Training, epoch, Options.Epochs, batchNumber,
                TrainBatches.BatchCount, movingLoss.Value, images / clock.Elapsed.TotalSeconds));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var throughput = images / seconds;
        var trainAccuracy = Accuracy(TrainEvaluationBatches, TrainingPhase.EvaluatingTrain, Options.TrainAccuracyImages, epoch, throughput, progress, cancellation);
        var testAccuracy = Accuracy(TestBatches, TrainingPhase.EvaluatingTest, null, epoch, throughput, progress, cancellation);
        var result = new EpochResult(epoch, movingLoss.Value, trainAccuracy, testAccuracy, seconds, throughput);
        History.Epochs.Add(result);
        return result;
    }

    /// <summary>One SGD step on <paramref name="batch"/>; returns the batch's mean loss before the step.</summary>
    public double Step(Batch batch)
    {
        using var scope = NewDisposeScope();
        Model.train();
        // Dropping the gradients (the optimiser's zero_grad zeroes them in place) lets backward hand over fresh ones
        // instead of adding them to zeros: two passes over every gradient saved, and what PyTorch does by default.
        Model.zero_grad(set_to_none: true);
        var loss = lossFunction.call(Model.call(batch.Images), batch.Labels);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            // Never apply a step computed from a broken loss: the weights stay as they were.
            return value;
        }

        loss.backward();
        optimizer.step();
        return value;
    }

    /// <summary>Mean loss over <paramref name="batch"/> without training (for checks).</summary>
    public double Loss(Batch batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = Model.training;
        Model.eval();
        var value = lossFunction.call(Model.call(batch.Images), batch.Labels).item<float>();
        Model.train(wasTraining);
        return value;
    }

    /// <summary>Predictions on the test split.</summary>
    public Predictions PredictTest(CancellationToken cancellation = default) =>
        Evaluator.Predict(Model, TestBatches, cancellation: cancellation);

    /// <summary>One line a reader can compare runs by: loss, accuracies, speed, device and data.</summary>
    public string Summary() => History.Last is { } last
        ? string.Create(CultureInfo.InvariantCulture,
            $"loss {last.MovingLoss:F3}, train acc {last.TrainAccuracy:P1}, test acc {last.TestAccuracy:P1}, " +
            $"{last.ImagesPerSecond:F1} images/s on {Devices.Describe(Device)}, {Options.Variant} AlexNet, " +
            $"{History.Epochs.Count} epoch(s) on {Data.Origin.Name} ({Data.Train.Count:N0} train / {Data.Test.Count:N0} test images)")
        : "not trained yet";

    private double Accuracy(BatchLoader loader, TrainingPhase phase, int? limit, int epoch, double throughput,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation) =>
        Evaluator.Predict(Model, loader, limit,
            (batch, batches) => progress?.Report(new TrainingProgress(phase, epoch, Options.Epochs, batch, batches, movingLoss.Value, throughput)),
            cancellation).Accuracy;

    /// <inheritdoc />
    public void Dispose()
    {
        optimizer.Dispose();
        lossFunction.Dispose();
        Model.Dispose();
    }
}
