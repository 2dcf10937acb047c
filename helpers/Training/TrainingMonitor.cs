using System.Globalization;
using DeepCnn.Data;

namespace DeepCnn.Training;

/// <summary>
/// What notebook 05's training loop reports to, step by step: it shows progress (a progress bar and the live chart in a
/// notebook), stops the run between two steps when the reader stops the cell, and stops it with a clear message when the
/// loss stops being a number. It remembers the steps it saw, so a stopped loop can go on exactly where it stopped.
/// The loop itself keeps its own state (epoch, step, moving loss) and saves its checkpoints (<see cref="TrainingRun.Save"/>).
/// </summary>
public sealed class TrainingMonitor
{
    private readonly TrainingRun run;
    private readonly IProgress<TrainingProgress>? progress;
    private readonly Func<CancellationToken>? cancellation;
    private readonly List<double> losses = [];           // the current epoch's batch losses
    private readonly List<double> movingLosses = [];     // and the moving loss after each
    private readonly EpochClock clock = new();           // the current epoch's training time
    private int epoch;
    private double lastMovingLoss = double.NaN;
    private int savesSeen;                               // the run's saves when the last epoch ended
    private double stepsSeconds;                         // the current epoch's training time, once its steps are done

    /// <summary>
    /// Watches <paramref name="run"/>. <paramref name="cancellation"/> is asked at every step for the token that stops the
    /// run (in a notebook, the running cell's, which is new every time the cell runs again).
    /// </summary>
    public TrainingMonitor(TrainingRun run, IProgress<TrainingProgress>? progress = null, Func<CancellationToken>? cancellation = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        this.run = run;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /// <summary>
    /// Where the loop starts: the run's first unsaved epoch, the steps of it already taken (0 unless the loop was stopped
    /// part-way, or its save failed), and the moving loss after the last step (NaN before the first).
    /// </summary>
    public (int Epoch, int Step, double MovingLoss) Resume()
    {
        var next = run.History.Epochs.Count + 1;
        if (next != epoch)
        {
            StartEpoch(next);
        }

        if (losses.Count < StepsPerEpoch)
        {
            clock.Start(); // training goes on from here
        }

        var moving = double.IsNaN(lastMovingLoss) && run.History.Last is { } last ? last.MovingLoss : lastMovingLoss;
        return (next, losses.Count, moving);
    }

    /// <summary>
    /// Records step <paramref name="step"/> of epoch <paramref name="epochNumber"/> and reports progress; then stops the run if
    /// the loss is not a finite number or the cell was stopped. A step recorded again (a loop started over from an earlier
    /// step) replaces what came after it.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The loss is NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The reader stopped the cell; running the loop again goes on from here.</exception>
    public void Step(int epochNumber, int step, double loss, double movingLoss)
    {
        if (epochNumber != epoch)
        {
            // The loop moved on from the epoch it just ended: the time since then is this first step's, less the save's.
            var since = clock.Elapsed - (run.Saves > savesSeen ? TimeSpan.FromSeconds(run.LastSaveSeconds) : TimeSpan.Zero);
            StartEpoch(epochNumber);
            clock.Start(since);
        }

        if (step < 1 || step > losses.Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Epoch {epoch} has {losses.Count} steps recorded; the next is step {losses.Count + 1}.");
        }

        losses.RemoveRange(step - 1, losses.Count - (step - 1));
        movingLosses.RemoveRange(step - 1, movingLosses.Count - (step - 1));
        if (!double.IsFinite(loss))
        {
            Diverge(step, $"the loss became {loss.ToString(CultureInfo.InvariantCulture)}");
        }

        losses.Add(loss);
        movingLosses.Add(movingLoss);
        lastMovingLoss = movingLoss;
        if (losses.Count == StepsPerEpoch)
        {
            clock.Stop(); // measuring accuracy is not training
            stepsSeconds = clock.Elapsed.TotalSeconds;
        }

        progress?.Report(new TrainingProgress(TrainingPhase.Training, epoch, run.Options.Epochs, step, StepsPerEpoch, movingLoss, ImagesPerSecond()));
        if ((cancellation?.Invoke() ?? CancellationToken.None).IsCancellationRequested)
        {
            clock.Stop(); // a stopped loop's pause is not training time
            throw new OperationCanceledException($"Stopped after step {step} of epoch {epoch}; run the training cell again to go on from step {step + 1}.");
        }
    }

    /// <summary>
    /// The batches of <paramref name="loader"/> for an accuracy measurement (the run's training sample or its test images),
    /// each freed after use, with progress reports; stops between two batches when the cell is stopped.
    /// </summary>
    public IEnumerable<Batch> Measuring(BatchLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var phase = ReferenceEquals(loader, run.Batches.Test) ? TrainingPhase.EvaluatingTest : TrainingPhase.EvaluatingTrain;
        var number = 0;
        foreach (var batch in loader.Each())
        {
            (cancellation?.Invoke() ?? CancellationToken.None).ThrowIfCancellationRequested();
            yield return batch;
            progress?.Report(new TrainingProgress(phase, epoch, run.Options.Epochs, ++number, loader.BatchCount, lastMovingLoss, ImagesPerSecond()));
        }
    }

    /// <summary>
    /// The finished epoch's results: the accuracies measured, the mean of its batch losses, its moving loss, its training
    /// time and speed (measuring and saving excluded). The run records the epoch when it saves it.
    /// </summary>
    public EpochResult EndEpoch(int epochNumber, double trainAccuracy, double testAccuracy)
    {
        if (epochNumber != epoch || losses.Count < StepsPerEpoch)
        {
            throw new InvalidOperationException($"Epoch {epochNumber} is not finished: {(epochNumber == epoch ? losses.Count : 0)} of {StepsPerEpoch} steps recorded.");
        }

        var seconds = stepsSeconds;
        var result = new EpochResult(epoch, lastMovingLoss, losses.Average(), trainAccuracy, testAccuracy, seconds,
            losses.Count * run.Options.BatchSize / Math.Max(seconds, 1e-9), [.. movingLosses]);
        progress?.Report(new TrainingProgress(TrainingPhase.EvaluatingTest, epoch, run.Options.Epochs, StepsPerEpoch, StepsPerEpoch, lastMovingLoss, result.ImagesPerSecond, result));
        savesSeen = run.Saves;
        clock.Start(TimeSpan.Zero); // the next epoch's first step is timed from here, less the save that comes first
        return result;
    }

    private int StepsPerEpoch => run.Batches.Train.BatchCount;

    private void StartEpoch(int number)
    {
        epoch = number;
        losses.Clear();
        movingLosses.Clear();
        stepsSeconds = 0;
        clock.Reset();
    }

    private double ImagesPerSecond()
    {
        var seconds = clock.Elapsed.TotalSeconds;
        return losses.Count == 0 || seconds <= 0 ? 0 : losses.Count * run.Options.BatchSize / seconds;
    }

    private void Diverge(int batch, string what)
    {
        clock.Stop();
        var exception = new TrainingDivergedException(epoch, batch, what, run.LearningRate, run.WhatIsKept());
        run.Stop(RunStatus.Diverged, exception.Message);
        throw exception;
    }

    /// <summary>A stopwatch that can start from a time already counted.</summary>
    private sealed class EpochClock
    {
        private readonly System.Diagnostics.Stopwatch watch = new();
        private TimeSpan banked;

        public TimeSpan Elapsed => banked + watch.Elapsed;

        public void Start() => watch.Start();

        public void Start(TimeSpan from)
        {
            banked = from;
            watch.Restart();
        }

        public void Stop()
        {
            banked += watch.Elapsed;
            watch.Reset();
        }

        public void Reset()
        {
            banked = TimeSpan.Zero;
            watch.Reset();
        }
    }
}
