using DeepCnn.Chapter;
using DeepCnn.Models;
using DeepCnn.Tests.Training;
using DeepCnn.Training;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Chapter;

[Collection(TrainingCollection.Name)]
public sealed class TrainingLoopTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static TrainingOptions Small => SmallRun.Cpu with { BatchSize = 8 };

    private SmallRun Start(int train, int test, TrainingOptions options, AlexNetConfig? config = null, IProgress<TrainingProgress>? progress = null,
        Func<CancellationToken>? cancellation = null, double? learningRate = null) =>
        new(fixture.Data.Subset(train, test), options, temp.Combine("runs"), config, progress, cancellation, learningRate);

    [Fact]
    public void A_short_run_on_synthetic_data_reaches_test_accuracy_clearly_above_chance()
    {
        // Ten balanced classes make chance 10%; on 300 test images its standard deviation is 1.7 points, so 20% is almost
        // six standard deviations above it. A loop that never updates the weights stays near 10%. Forty steps of 16 images
        // are enough: this run ended at 34% when it was written.
        using var run = Start(320, 300, Small with { Epochs = 2, BatchSize = 16, TrainAccuracyImages = 100 });
        run.Train();
        Assert.True(run.Run.History.Last!.TestAccuracy >= 0.20, run.Run.Summary());
        Assert.True(run.Run.History.MovingLoss[^1] < run.Run.History.MovingLoss[0], "the moving loss should fall");
        Assert.Equal(RunStatus.Finished, run.Run.Record.Status);
    }

    [Fact]
    public void The_lean_loop_gives_the_same_moving_loss_at_every_step_as_a_plain_loop_over_the_same_batches()
    {
        var data = fixture.Data.Subset(48, 20);
        var options = Small with { Epochs = 2 };
        using var run = Start(48, 20, options);
        run.Train();

        // The chapter's loop written plainly: the same seed, set-up and batches; the first loss, then 1% of each new one.
        var (net, lossFunction, optimizer) = Setup.Create(SmallRun.Classic96, data.ClassNames.Count, options, CPU);
        using var disposeNet = net;
        using var disposeOptimizer = optimizer;
        var batches = TrainingBatches.For(data, options, SmallRun.Classic96.ImageSize, CPU);
        var expected = new List<double>();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            net.train();
            foreach (var batch in batches.Train.Epoch(epoch))
            {
                using (batch)
                {
                    var loss = Minibatch.Step(net, lossFunction, optimizer, batch);
                    expected.Add(expected.Count == 0 ? loss : 0.99 * expected[^1] + 0.01 * loss);
                }
            }
        }

        Assert.Equal(12, expected.Count); // 48 images in batches of 8, twice
        Assert.Equal(expected, run.Run.History.MovingLoss, (a, b) => Math.Abs(a - b) <= 1e-5 * Math.Abs(a));
    }

    [Fact]
    public void An_epoch_records_the_moving_loss_the_mean_loss_accuracies_and_speed_and_reports_progress()
    {
        var progress = new ProgressRecorder();
        using var run = Start(40, 50, Small, progress: progress);
        run.Train();

        var history = run.Run.History;
        var epoch = Assert.Single(history.Epochs);
        Assert.Equal(5, epoch.Steps); // 40 images in batches of 8
        Assert.Equal(epoch.MovingLossPerStep[^1], epoch.MovingLoss);
        Assert.InRange(epoch.MeanLoss, 0.5, 5);
        Assert.InRange(epoch.TrainAccuracy, 0, 1);
        Assert.InRange(epoch.TestAccuracy, 0, 1);
        Assert.True(epoch.ImagesPerSecond > 0 && epoch.TrainSeconds > 0);
        Assert.Equal(5, progress.Reports.Count(r => r.Phase == TrainingPhase.Training));
        Assert.Contains(progress.Reports, r => r.Phase == TrainingPhase.EvaluatingTest);
        Assert.Contains(progress.Reports, r => r.Phase == TrainingPhase.EvaluatingTrain);
        Assert.Same(epoch, progress.Reports[^1].CompletedEpoch);
        var summary = run.Run.Summary();
        Assert.Contains("SYNTHETIC", summary);
        Assert.Contains("moving loss", summary);
        Assert.Contains("mean loss", summary);
        Assert.Contains("over all 5 steps", summary);
    }

    [Fact]
    public void A_stopped_run_goes_on_exactly_where_it_stopped_with_no_step_counted_twice()
    {
        using var straight = Start(48, 20, Small with { Epochs = 2 });
        straight.Train();

        var cancellation = new CancellationTokenSource();
        var progress = new ProgressRecorder(report =>
        {
            if (report is { Phase: TrainingPhase.Training, Epoch: 2, Batch: 3 })
            {
                cancellation.Cancel();
            }
        });
        using var stopped = Start(48, 20, Small with { Epochs = 2 }, progress: progress, cancellation: () => cancellation.Token);
        Assert.Throws<OperationCanceledException>(stopped.Train);
        Assert.Single(stopped.Run.History.Epochs);
        Assert.Equal((2, 3), (stopped.Monitor.Resume().Epoch, stopped.Monitor.Resume().Step));

        // Running the notebook cell again: the same run and monitor, and the new cell's token, which is not cancelled.
        cancellation.Dispose();
        cancellation = new CancellationTokenSource();
        stopped.Train();
        cancellation.Dispose();

        Assert.Equal(straight.Run.History.MovingLoss, stopped.Run.History.MovingLoss, (a, b) => Math.Abs(a - b) <= 1e-4 * Math.Abs(a));
        Assert.Equal(2, stopped.Run.History.Epochs.Count);
        foreach (var (name, parameter) in straight.Net.named_parameters())
        {
            var other = stopped.Net.named_parameters().Single(p => p.name == name).parameter;
            Assert.True(parameter.allclose(other, rtol: 1e-3, atol: 1e-5), $"{name} differs after the resumed run");
        }
    }

    [Fact]
    public void A_diverging_loss_stops_the_run_naming_epoch_batch_and_learning_rate_and_the_run_keeps_its_saved_epochs()
    {
        using var broken = Start(64, 20, Small with { Epochs = 3, Momentum = 0, LearningRate = 1e12 });
        var error = Assert.Throws<TrainingDivergedException>(broken.Train);

        Assert.Equal(1, error.Epoch);
        Assert.Contains($"epoch 1, batch {error.Batch}", error.Message);
        Assert.Contains("learning rate (it is 1000000000000)", error.Message);
        Assert.Contains("had no epoch saved yet", error.Message);
        Assert.Equal(RunStatus.Diverged, broken.Run.Record.Status);
        Assert.Contains("diverged", broken.Run.Record.Problem);
        Assert.False(File.Exists(Path.Combine(broken.Run.Folder, TrainingRun.LastCheckpoint)));
    }

    [Fact]
    public void Weights_broken_by_the_last_step_of_an_epoch_are_never_saved()
    {
        // One batch an epoch: the loss of that step is finite (measured before the update), the weights after it are not.
        using var broken = Start(8, 20, Small, learningRate: double.NaN);
        var error = Assert.Throws<TrainingDivergedException>(broken.Train);

        Assert.Contains("NaN or infinite", error.Message);
        Assert.Empty(broken.Run.History.Epochs);
        Assert.False(File.Exists(Path.Combine(broken.Run.Folder, TrainingRun.LastCheckpoint)));
        Assert.Equal(RunStatus.Diverged, broken.Run.Record.Status);
    }

    [Fact]
    public void The_chapter_network_trains_on_256_pixel_inputs()
    {
        using var run = Start(8, 10, Small with { EvalBatchSize = 10 }, new AlexNetConfig { Variant = AlexNetVariant.Chapter, ImageSize = 256, Dropout = 0 });
        run.Train();
        Assert.Single(run.Run.History.Epochs);
    }
}
