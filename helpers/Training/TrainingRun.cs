using System.Globalization;
using System.Text.Json;
using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.IO;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// One training run's record: a folder of its own under the cache's <c>runs/</c> (its name says when it started and
/// which variant), holding <c>run.json</c> (what the run is, <see cref="RunDescription"/>, and its finished epochs),
/// <c>last.ckpt</c> (the newest epoch, with the optimiser's state) and <c>best.ckpt</c> (the epoch with the best test
/// accuracy so far). A run never writes into another run's folder, so a worse run never replaces a better one and two
/// runs at once keep two records.
/// </summary>
public sealed class TrainingRun
{
    /// <summary>The record of what the run is and how far it got.</summary>
    public const string RecordFile = "run.json";

    /// <summary>The checkpoint of the newest finished epoch.</summary>
    public const string LastCheckpoint = "last.ckpt";

    /// <summary>The checkpoint of the finished epoch with the best test accuracy.</summary>
    public const string BestCheckpoint = "best.ckpt";

    private readonly WeakReference<nn.Module> network;

    private TrainingRun(string folder, RunRecord record, TrainingBatches batches, nn.Module net)
    {
        Folder = folder;
        Record = record;
        Batches = batches;
        network = new WeakReference<nn.Module>(net);
    }

    /// <summary>The batches the run trains and measures on.</summary>
    public TrainingBatches Batches { get; }

    /// <summary>Epochs saved by this object so far (its monitor uses it to leave the save out of the training time).</summary>
    public int Saves { get; private set; }

    /// <summary>How long the last save took, in seconds.</summary>
    public double LastSaveSeconds { get; private set; }

    /// <summary>The run's own folder.</summary>
    public string Folder { get; }

    /// <summary>The folder's name, which names the run.</summary>
    public string Name => Record.Description.Name;

    /// <summary>What the run is and its finished epochs, as saved in <see cref="RecordFile"/>.</summary>
    public RunRecord Record { get; private set; }

    /// <summary>What the run is.</summary>
    public RunDescription Description => Record.Description;

    /// <summary>The finished (saved) epochs.</summary>
    public TrainingHistory History => Record.History;

    /// <summary>The training options.</summary>
    public TrainingOptions Options => Record.Description.Options;

    /// <summary>
    /// Starts a run in a new folder under <paramref name="runsFolder"/>: describes the network, optimiser and loss as
    /// built, checks that the folder is writable and has room for two checkpoints, writes <see cref="RecordFile"/>, and
    /// removes the checkpoints of finished runs beyond <see cref="TrainingOptions.KeepRuns"/> (never their records, never
    /// the best run's).
    /// </summary>
    /// <param name="runsFolder">Where runs are kept (the cache's runs/ folder).</param>
    /// <param name="net">The network as built and initialised.</param>
    /// <param name="optimizer">The optimiser as built.</param>
    /// <param name="lossFunction">The loss.</param>
    /// <param name="config">The network's settings.</param>
    /// <param name="options">The training options.</param>
    /// <param name="batches">The batches: data, scaling and device.</param>
    /// <param name="code">For each saved type of the chapter's code, its fingerprint and origin (notebooks pass what they ran).</param>
    /// <exception cref="IOException">The folder is not writable or lacks room; the message says where and how much.</exception>
    public static TrainingRun Start(string runsFolder, nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, nn.Module lossFunction,
        AlexNetConfig config, TrainingOptions options, TrainingBatches batches, IReadOnlyDictionary<string, string>? code = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(lossFunction);
        ArgumentNullException.ThrowIfNull(batches);
        OptionsValidation.Validate(config);
        OptionsValidation.Validate(options);
        var network = NetworkDescription.Of(net);
        var optimiser = OptimizerDescription.Of(optimizer);
        RunStorage.EnsureRoom(runsFolder, 2 * RunStorage.CheckpointBytes(network, optimiser));

        var started = DateTimeOffset.Now;
        var (name, folder) = RunStorage.Claim(runsFolder, $"{started:yyyyMMdd-HHmmss}-{config.Variant.ToString().ToLowerInvariant()}");
        var description = new RunDescription(name, started, config, options, network, optimiser, lossFunction.GetType().Name,
            code ?? new Dictionary<string, string>(), batches.Data.Origin, batches.Data.ClassNames, batches.Data.Train.Count, batches.Data.Test.Count,
            batches.Stats, Devices.Describe(batches.Train.Device));
        var run = new TrainingRun(folder, new RunRecord(description, new TrainingHistory(), RunStatus.Running, null), batches, net);
        run.WriteRecord();
        RunStorage.Prune(runsFolder, options.KeepRuns, keep: name);
        return run;
    }

    /// <summary>
    /// Saves a finished epoch: <see cref="LastCheckpoint"/> with the weights and the optimiser's state, <see cref="BestCheckpoint"/>
    /// when its test accuracy is the best so far, then the record. Each file is written whole or not at all. When a write
    /// fails the epoch stays unrecorded and the exception says so; running the training loop again retries it.
    /// </summary>
    /// <exception cref="TrainingDivergedException">A weight or optimiser state is NaN or infinite; nothing is written.</exception>
    /// <exception cref="IOException">A write failed; the epoch is not recorded.</exception>
    public void Save(nn.Module net, optim.Optimizer optimizer, EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(result);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!network.TryGetTarget(out var started) || !ReferenceEquals(started, net))
        {
            throw new InvalidOperationException(
                $"Run {Name} was started for another network object: the set-up cell ran again after the run started. " +
                "Run the cell that starts the run again (a new run for the new network), then the training cell.");
        }

        var expected = History.Epochs.Count + 1;
        if (result.Epoch != expected)
        {
            throw new ArgumentException($"Run {Name} saves epoch {expected} next, not epoch {result.Epoch}.", nameof(result));
        }

        if (FiniteState.FirstNonFinite(net, optimizer) is { } broken)
        {
            var diverged = new TrainingDivergedException(result.Epoch, result.Steps, $"after its last step the {broken} holds NaN or infinite values", LearningRate, WhatIsKept());
            Stop(RunStatus.Diverged, diverged.Message);
            throw diverged;
        }

        var history = new TrainingHistory { Epochs = [.. History.Epochs, result] };
        var isBest = History.Best is not { } best || result.TestAccuracy > best.TestAccuracy;
        var contents = new CheckpointContents(Checkpoint.FormatVersion, Description, result.Epoch, history, DateTimeOffset.Now);
        try
        {
            var last = Path.Combine(Folder, LastCheckpoint);
            Checkpoint.Save(last, net, optimizer, contents);
            if (isBest)
            {
                AtomicFile.Link(last, Path.Combine(Folder, BestCheckpoint)); // the same bytes: a second name, not a copy
            }

            var status = history.Epochs.Count >= Options.Epochs ? RunStatus.Finished : RunStatus.Running;
            WriteRecord(Record with { History = history, Status = status, Problem = null });
            Saves++;
            LastSaveSeconds = clock.Elapsed.TotalSeconds;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"Epoch {result.Epoch} of run {Name} could not be saved in {Folder} ({e.Message}); it is not recorded. " +
                "Free some disk space or fix the folder's permissions, then run the training cell again: it saves this epoch without training it again.", e);
        }
    }

    /// <summary>Marks the run as stopped by a problem (a diverged loss, say), so that notebook 06 does not pick it.</summary>
    public void Stop(RunStatus status, string problem)
    {
        try
        {
            WriteRecord(Record with { Status = status, Problem = problem });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The problem itself is what the reader must see; a record that cannot say so stays as it was.
        }
    }

    /// <summary>
    /// One line a reader can compare runs by: the moving loss (and the last epoch's mean), train and test accuracy, the
    /// speed over every step, optimiser, device and data.
    /// </summary>
    public string Summary() => Record.Summary();

    /// <summary>The optimiser's own learning rate as it was built (Adam's, say, when a reader swapped it in), else the options'.</summary>
    public double LearningRate => Description.Optimizer.LearningRate ?? Options.LearningRate;

    /// <summary>What this run has saved, for messages about a run that stopped: its epochs and where its best one is.</summary>
    internal string WhatIsKept() => History.Best is { } best
        ? string.Create(CultureInfo.InvariantCulture,
            $"run {Name} keeps its {History.Epochs.Count} saved epoch(s); the best, epoch {best.Epoch} at {best.TestAccuracy:P1} test accuracy, is {Path.Combine(Folder, BestCheckpoint)}.")
        : $"run {Name} had no epoch saved yet.";

    /// <summary>The run, in one line.</summary>
    public override string ToString() => $"run {Name} in {Folder}: {Summary()}";

    private void WriteRecord(RunRecord? record = null)
    {
        record ??= Record;
        AtomicFile.WriteAllText(Path.Combine(Folder, RecordFile), JsonSerializer.Serialize(record, RunStorage.Json));
        Record = record;
    }
}
