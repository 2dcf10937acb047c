using System.Diagnostics;
using System.Globalization;
using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// The plumbing around the chapter's training loop, which is written in notebook 05 (<c>DeepCnn.Chapter.TrainingLoop</c>):
/// which epochs are left, the batches of each (freed after use), the history, progress reports, the divergence guard
/// and a checkpoint after every epoch. It builds nothing and changes no process-wide state: the caller makes the
/// network, the optimiser and the batches, and sets the seed and the thread count.
/// </summary>
/// <remarks>
/// A run that stops part-way (cancelled, or an exception in a step) goes on exactly where it stopped when the loop is
/// run again: the finished steps of the interrupted epoch are in the weights and in the history once, and the epoch
/// continues with its next batch in the same shuffled order.
/// </remarks>
public sealed class TrainingRun
{
    private readonly IProgress<TrainingProgress>? progress;
    private readonly Func<CancellationToken>? cancellation;
    private readonly List<double> epochLosses = [];
    private readonly Stopwatch epochClock = new(); // runs only while the epoch's batches are being trained on
    private int epoch;
    private bool stepPending;
    private string? diverged;

    /// <summary>
    /// Prepares a run; <paramref name="checkpointPath"/> null means no checkpoints. <paramref name="cancellation"/> is asked
    /// before every batch for the token that stops the run (in a notebook: the running cell's, which changes every time
    /// the cell runs again).
    /// </summary>
    public TrainingRun(TrainingBatches batches, TrainingOptions options, string? checkpointPath = null,
        IProgress<TrainingProgress>? progress = null, Func<CancellationToken>? cancellation = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        options.Validate();
        Batches = batches;
        Options = options;
        CheckpointPath = checkpointPath;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /// <summary>The batches trained and evaluated on.</summary>
    public TrainingBatches Batches { get; }

    /// <summary>The run's settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Where a checkpoint is written after every epoch (null: nowhere).</summary>
    public string? CheckpointPath { get; }

    /// <summary>Finished epochs and the moving loss after every step.</summary>
    public TrainingHistory History { get; } = new();

    /// <summary>SGD steps finished so far, over all epochs.</summary>
    public int Steps => History.MovingLoss.Count;

    /// <summary>The moving-average loss after the last step (NaN before the first).</summary>
    public double MovingLoss => Steps == 0 ? double.NaN : History.MovingLoss[^1];

    /// <summary>The epochs still to train: the interrupted one first, if any, up to <see cref="TrainingOptions.Epochs"/>.</summary>
    public IEnumerable<int> Epochs()
    {
        ThrowIfDiverged();
        for (var e = History.Epochs.Count + 1; e <= Options.Epochs; e++)
        {
            yield return e;
        }
    }

    /// <summary>
    /// The shuffled training batches of <paramref name="epochNumber"/>, continuing after the last finished step if the
    /// epoch was interrupted. Each batch is freed when the loop moves on; call <see cref="EndStep"/> once per batch.
    /// </summary>
    public IEnumerable<Batch> TrainBatches(int epochNumber)
    {
        ThrowIfDiverged();
        if (epochNumber != History.Epochs.Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochNumber), epochNumber, $"The next epoch to train is {History.Epochs.Count + 1}.");
        }

        if (epochNumber != epoch)
        {
            epoch = epochNumber;
            epochLosses.Clear();
            epochClock.Reset();
        }

        epochClock.Start();
        try
        {
            // The next batch is prepared while the current step runs, so the device does not wait for it.
            foreach (var batch in Prefetch.OneAhead(Batches.Train.Epoch(epochNumber, skip: epochLosses.Count)))
            {
                try
                {
                    (cancellation?.Invoke() ?? CancellationToken.None).ThrowIfCancellationRequested();
                    stepPending = true;
                    yield return batch;
                    if (stepPending)
                    {
                        throw new InvalidOperationException("Call run.EndStep(loss, movingLoss) once after each training step, before the next batch.");
                    }
                }
                finally
                {
                    batch.Dispose();
                }
            }
        }
        finally
        {
            stepPending = false;
            epochClock.Stop();
        }
    }

    /// <summary>Records one finished step: the batch's loss and the moving average; stops the run if the loss is not finite.</summary>
    /// <exception cref="TrainingDivergedException">The loss is NaN or infinite.</exception>
    public void EndStep(double loss, double movingLoss)
    {
        if (!stepPending)
        {
            throw new InvalidOperationException("EndStep records a step on a batch from run.TrainBatches(epoch); there is no such step to record.");
        }

        stepPending = false;
        if (!double.IsFinite(loss))
        {
            Diverge(epochLosses.Count + 1, $"the loss became {loss.ToString(CultureInfo.InvariantCulture)}");
        }

        epochLosses.Add(loss);
        History.MovingLoss.Add(movingLoss);
        progress?.Report(new TrainingProgress(TrainingPhase.Training, epoch, Options.Epochs, epochLosses.Count, Batches.Train.BatchCount,
            movingLoss, ImagesPerSecond()));
    }

    /// <summary>Training images in file order for the training accuracy: up to <see cref="TrainingOptions.TrainAccuracyImages"/>.</summary>
    public IEnumerable<Batch> TrainSample()
    {
        var batches = Batches.TrainEvaluation.BatchesFor(Options.TrainAccuracyImages);
        return Evaluation(Batches.TrainEvaluation.Epoch().Take(batches), TrainingPhase.EvaluatingTrain, batches);
    }

    /// <summary>All test images in file order.</summary>
    public IEnumerable<Batch> TestBatches() => Evaluation(Batches.Test.Epoch(), TrainingPhase.EvaluatingTest, Batches.Test.BatchCount);

    /// <summary>
    /// Ends the epoch: checks that every weight and optimiser state is finite, records the epoch, writes the checkpoint
    /// (atomically) and reports the finished epoch.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The weights or optimiser state are not finite; nothing is saved.</exception>
    public EpochResult EndEpoch(nn.Module net, optim.Optimizer optimizer, double trainAccuracy, double testAccuracy)
    {
        ArgumentNullException.ThrowIfNull(net);
        ThrowIfDiverged();
        if (epoch == 0 || epochLosses.Count < Batches.Train.BatchCount)
        {
            throw new InvalidOperationException(
                $"Epoch {History.Epochs.Count + 1} is not finished: {epochLosses.Count} of {Batches.Train.BatchCount} steps recorded with run.EndStep.");
        }

        if (FiniteState.FirstNonFinite(net, optimizer) is { } broken)
        {
            Diverge(epochLosses.Count, $"after its last step the {broken} holds NaN or infinite values");
        }

        var result = new EpochResult(epoch, MovingLoss, epochLosses.Average(), trainAccuracy, testAccuracy, epochClock.Elapsed.TotalSeconds, ImagesPerSecond());
        History.Epochs.Add(result);
        if (CheckpointPath is not null)
        {
            Checkpoint.Save(CheckpointPath, net, optimizer, new CheckpointContents(Checkpoint.FormatVersion, Options, History, Batches.Stats,
                Batches.Data.ClassNames, Batches.Data.Origin, Batches.Data.Train.Count, Batches.Data.Test.Count, DateTimeOffset.Now));
        }

        epoch = 0;
        epochLosses.Clear();
        epochClock.Reset();
        progress?.Report(new TrainingProgress(TrainingPhase.EvaluatingTest, result.Epoch, Options.Epochs, Batches.Test.BatchCount,
            Batches.Test.BatchCount, result.MovingLoss, result.ImagesPerSecond, result));
        return result;
    }

    /// <summary>One line a reader can compare runs by: loss, accuracies, speed, device and data.</summary>
    public string Summary() => History.Last is { } last
        ? string.Create(CultureInfo.InvariantCulture,
            $"loss {last.MovingLoss:F3}, train acc {last.TrainAccuracy:P1}, test acc {last.TestAccuracy:P1}, " +
            $"{last.ImagesPerSecond:F1} images/s on {Devices.Describe(Batches.Train.Device)}, {Options.Variant} AlexNet, " +
            $"{History.Epochs.Count} epoch(s) on {Batches.Data.Origin.Name} ({Batches.Data.Train.Count:N0} train / {Batches.Data.Test.Count:N0} test images)")
        : "not trained yet";

    private IEnumerable<Batch> Evaluation(IEnumerable<Batch> batches, TrainingPhase phase, int count)
    {
        var number = 0;
        foreach (var batch in batches)
        {
            try
            {
                (cancellation?.Invoke() ?? CancellationToken.None).ThrowIfCancellationRequested();
                yield return batch;
            }
            finally
            {
                batch.Dispose();
            }

            progress?.Report(new TrainingProgress(phase, History.Epochs.Count + 1, Options.Epochs, ++number, count, MovingLoss, ImagesPerSecond()));
        }
    }

    private double ImagesPerSecond() => epochLosses.Count == 0
        ? 0
        : epochLosses.Count * Batches.Train.Options.BatchSize / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9);

    private void ThrowIfDiverged()
    {
        if (diverged is not null)
        {
            throw new InvalidOperationException($"This run diverged earlier ({diverged}); build the network and the run again.");
        }
    }

    private void Diverge(int batch, string what)
    {
        var lastGood = CheckpointPath is null ? "no checkpoint was asked for." : Checkpoint.Describe(CheckpointPath, $"The checkpoint '{Path.GetFullPath(CheckpointPath)}'");
        var exception = new TrainingDivergedException(epoch, batch, what, Options.LearningRate, lastGood);
        diverged = exception.Message;
        throw exception;
    }
}
