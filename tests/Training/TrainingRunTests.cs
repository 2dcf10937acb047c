using System.Reflection;
using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.Tests.Training;

/// <summary>Every run keeps its own record and checkpoints; nothing a run does touches another run's results.</summary>
[Collection(TrainingCollection.Name)]
public sealed class TrainingRunTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string RunsFolder => temp.Combine("runs");

    private SmallRun Start(TrainingOptions options, int train = 16, double? learningRate = null) =>
        new(fixture.Data.Subset(train, 20), options, RunsFolder, learningRate: learningRate);

    private static TrainingOptions Small => SmallRun.Cpu with { BatchSize = 8, TrainAccuracyImages = 16, EvalBatchSize = 20 };

    [Fact]
    public void A_run_keeps_its_record_its_last_and_its_best_checkpoint_in_a_folder_of_its_own()
    {
        using var run = Start(Small with { Epochs = 2 });
        run.Train();

        Assert.Equal(RunsFolder, Path.GetDirectoryName(run.Run.Folder));
        Assert.Matches(@"^\d{8}-\d{6}-classic$", run.Run.Name);
        foreach (var file in new[] { TrainingRun.RecordFile, TrainingRun.LastCheckpoint, TrainingRun.BestCheckpoint })
        {
            Assert.True(File.Exists(Path.Combine(run.Run.Folder, file)), $"{file} is missing");
        }

        var entry = Assert.Single(Runs.In(RunsFolder));
        Assert.Equal(RunStatus.Finished, entry.Record.Status);
        Assert.Equal(2, entry.Record.History.Epochs.Count);
        Assert.Equal("SGD", entry.Record.Description.Optimizer.Type);
        Assert.Equal(run.Net.parameters().Sum(p => p.numel()), entry.Record.Description.Network.TotalParameters);
        var best = Checkpoint.ReadContents(entry.BestCheckpoint);
        Assert.Equal(run.Run.History.Best!.Epoch, best.Epoch);
        Assert.Equal(2, Checkpoint.ReadContents(Path.Combine(run.Run.Folder, TrainingRun.LastCheckpoint)).Epoch);

        // While the last epoch is the best, best.ckpt is a second name of last.ckpt's file, and the disk use counts it once.
        long Size(string file) => new FileInfo(Path.Combine(run.Run.Folder, file)).Length;
        var distinct = Size(TrainingRun.RecordFile) + Size(TrainingRun.LastCheckpoint) + (best.Epoch == 2 ? 0 : Size(TrainingRun.BestCheckpoint));
        Assert.Equal(distinct, entry.DiskBytes);
    }

    [Fact]
    public void The_optimiser_is_recorded_as_it_was_built_not_as_the_options_say()
    {
        using var run = Start(Small);
        using var adam = TorchSharp.torch.optim.Adam(run.Net.parameters(), lr: 1e-4);
        var recorded = OptimizerDescription.Of(adam);
        Assert.Equal("Adam", recorded.Type);
        Assert.Equal(1e-4, recorded.LearningRate);
        Assert.Contains("Adam (lr 0.0001", recorded.ToString());

        var sgd = run.Run.Description.Optimizer;
        Assert.Equal("SGD", sgd.Type);
        Assert.Equal(Small.LearningRate, sgd.LearningRate);
        Assert.Equal("0.9", sgd.Settings["Momentum"]);
        Assert.Equal("0.0005", sgd.Settings["WeightDecay"]);
    }

    [Fact]
    public void A_worse_run_leaves_the_better_runs_best_checkpoint_intact_and_evaluation_loads_the_latest_finished_run()
    {
        using (var good = Start(Small with { Epochs = 2 }, train: 64))
        {
            good.Train();
        }

        var better = Runs.In(RunsFolder).Single();
        var bytes = File.ReadAllBytes(better.BestCheckpoint);

        // A learning rate far too large: the loss stops being a number in the first epoch.
        using (var worse = Start(Small with { Epochs = 2, Momentum = 0, LearningRate = 1e12 }, train: 64))
        {
            Assert.Throws<TrainingDivergedException>(worse.Train);
        }

        Assert.Equal(2, Runs.In(RunsFolder).Count);
        Assert.Equal(bytes, File.ReadAllBytes(better.BestCheckpoint));
        Assert.Equal(better.BestCheckpoint, Runs.CheckpointToEvaluate(RunsFolder));
    }

    [Fact]
    public void Evaluation_can_name_a_run_a_run_folder_or_a_checkpoint_file_and_says_what_it_lacks()
    {
        using var run = Start(Small);
        run.Train();
        var best = Path.Combine(run.Run.Folder, TrainingRun.BestCheckpoint);
        Assert.Equal(best, Runs.CheckpointToEvaluate(RunsFolder, run.Run.Name));
        Assert.Equal(best, Runs.CheckpointToEvaluate(temp.Combine("elsewhere"), run.Run.Folder));
        Assert.Equal(best, Runs.CheckpointToEvaluate(temp.Combine("elsewhere"), best));

        var missing = Assert.Throws<FileNotFoundException>(() => Runs.CheckpointToEvaluate(RunsFolder, "no-such-run"));
        Assert.Contains(run.Run.Name, missing.Message);
        var none = Assert.Throws<FileNotFoundException>(() => Runs.CheckpointToEvaluate(temp.Combine("empty")));
        Assert.Contains("notebook 05", none.Message);
    }

    [Fact]
    public void A_failed_checkpoint_write_leaves_the_epoch_unrecorded_and_running_the_loop_again_saves_it()
    {
        using var run = Start(Small with { Epochs = 2 });
        // A folder where the checkpoint file should go makes the write fail (a read-only folder would not stop root).
        var last = Path.Combine(run.Run.Folder, TrainingRun.LastCheckpoint);
        Directory.CreateDirectory(last);

        var error = Assert.Throws<IOException>(run.Train);
        Assert.Contains("Epoch 1", error.Message);
        Assert.Contains("not recorded", error.Message);
        Assert.Contains("run the training cell again", error.Message);
        Assert.Empty(run.Run.History.Epochs);
        Assert.Empty(Runs.In(RunsFolder).Single().Record.History.Epochs);
        var trained = run.Monitor.Resume();
        Assert.Equal((1, 2), (trained.Epoch, trained.Step)); // both steps of epoch 1 were taken; only its save is missing

        Directory.Delete(last);
        run.Train();

        Assert.Equal(2, run.Run.History.Epochs.Count);
        Assert.Equal(2 * 2, run.Run.History.MovingLoss.Count); // epoch 1 was not trained twice
        Assert.Equal(RunStatus.Finished, Runs.In(RunsFolder).Single().Record.Status);
    }

    [Fact]
    public void A_run_refuses_to_save_a_network_it_was_not_started_for()
    {
        using var run = Start(Small);
        using var other = new DeepCnn.Chapter.AlexNet(SmallRun.Classic96, 10);
        var result = new EpochResult(1, 2.3, 2.3, 0.1, 0.1, 1, 1, [2.3, 2.3]);
        var error = Assert.Throws<InvalidOperationException>(() => run.Run.Save(other, run.Optimizer, result));
        Assert.Contains("another network", error.Message);
        Assert.False(File.Exists(Path.Combine(run.Run.Folder, TrainingRun.LastCheckpoint)));
    }

    [Fact]
    public void A_divergence_names_the_learning_rate_of_the_optimiser_that_was_built()
    {
        using var adam = new SmallRun(fixture.Data.Subset(16, 20), Small, RunsFolder, learningRate: double.NaN);
        Assert.True(double.IsNaN(adam.Run.LearningRate));
        var error = Assert.Throws<TrainingDivergedException>(adam.Train);
        Assert.Contains("(it is NaN)", error.Message);
    }

    [Fact]
    public void Runs_started_at_the_same_moment_each_claim_a_folder_of_their_own()
    {
        var storage = typeof(TrainingRun).Assembly.GetType("DeepCnn.Training.RunStorage")!;
        var claim = storage.GetMethod("Claim", BindingFlags.Public | BindingFlags.Static)!;
        var names = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ => names.Add((((string, string))claim.Invoke(null, [RunsFolder, "20261204-120000-chapter"])!).Item1));
        Assert.Equal(8, names.Distinct().Count());
        Assert.Contains("20261204-120000-chapter", names);
        Assert.Contains("20261204-120000-chapter-8", names);
    }

    [Fact]
    public void Two_runs_trained_at_once_leave_two_complete_records()
    {
        using var one = Start(Small with { Seed = 1 });
        using var two = Start(Small with { Seed = 2 });
        Assert.NotEqual(one.Run.Folder, two.Run.Folder);
        Parallel.Invoke(one.Train, two.Train);

        var runs = Runs.In(RunsFolder);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Record.Status));
        Assert.All(runs, r => Assert.True(File.Exists(r.BestCheckpoint)));
        Assert.Equal([1, 2], runs.Select(r => r.Record.Description.Options.Seed).Order());
    }

    [Fact]
    public void A_runs_folder_that_cannot_be_written_is_refused_before_training_naming_the_folder()
    {
        File.WriteAllText(temp.Combine("file"), "not a folder");
        var error = Assert.Throws<IOException>(() =>
            new SmallRun(fixture.Data.Subset(16, 20), Small, temp.Combine("file", "runs")));
        Assert.Contains(temp.Combine("file", "runs"), error.Message);
        Assert.Contains("cannot be written", error.Message);
    }

    [Fact]
    public void Old_finished_runs_beyond_the_limit_lose_their_checkpoints_but_keep_their_records_and_the_best_run_keeps_both()
    {
        var options = Small with { KeepRuns = 2 };
        var folders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var run = Start(options with { Seed = i });
            run.Train();
            folders.Add(run.Run.Folder);
        }

        var runs = Runs.In(RunsFolder);
        Assert.Equal(4, runs.Count);
        var best = runs.MaxBy(r => r.BestAccuracy)!;
        // Kept: the two newest, and the best; the others keep only their record.
        foreach (var run in runs)
        {
            var kept = run.Folder == folders[^1] || run.Folder == folders[^2] || run.Folder == best.Folder;
            Assert.Equal(kept, run.HasCheckpoints);
            Assert.True(File.Exists(Path.Combine(run.Folder, TrainingRun.RecordFile)));
        }
    }

    [Fact]
    public void The_comparison_names_what_differs_from_this_run_in_settings_and_code()
    {
        var reference = Describe(new TrainingOptions(), new Dictionary<string, string> { ["AlexNet"] = "1a2b3c4d (04-alexnet.ipynb, cell x)" });
        var other = reference with
        {
            Options = new TrainingOptions { LearningRate = 0.5 },
            Code = new Dictionary<string, string> { ["AlexNet"] = "99999999 (04-alexnet.ipynb, cell x)" },
            Optimizer = new OptimizerDescription("Adam", new Dictionary<string, string> { ["LearningRate"] = "0.0001" }),
        };

        var differences = RunComparison.Differences(reference, other);
        Assert.Contains("LearningRate 0.5", differences);
        Assert.Contains("AlexNet code 99999999", differences);
        Assert.Contains(differences, d => d.StartsWith("optimiser Adam", StringComparison.Ordinal));
        Assert.Empty(RunComparison.Differences(reference, reference));
    }

    private static RunDescription Describe(TrainingOptions options, IReadOnlyDictionary<string, string> code) => new(
        "r", DateTimeOffset.Now, new AlexNetConfig(), options, new NetworkDescription("AlexNet", []),
        new OptimizerDescription("SGD", new Dictionary<string, string> { ["LearningRate"] = "0.01" }), "CrossEntropyLoss", code,
        new DeepCnn.Data.DataOrigin(DeepCnn.Data.DataOriginKind.Synthetic, "x", "x", ["a"], 1, 1, "generated"), ["a"], 1, 1, DeepCnn.Data.ChannelStats.RawPixels, "CPU");
}
