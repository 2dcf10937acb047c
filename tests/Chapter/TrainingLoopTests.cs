using DeepCnn.Models;
using DeepCnn.Tests.Training;
using DeepCnn.Training;

namespace DeepCnn.Tests.Chapter;

[Collection(TrainingCollection.Name)]
public sealed class TrainingLoopTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static TrainingOptions Small => SmallRun.Cpu96 with
    {
        BatchSize = 8,
        Dropout = 0,
        EvalBatchSize = 50,
        TrainAccuracyImages = 50,
        Seed = 1,
    };

    [Fact]
    public void A_short_run_on_synthetic_data_reaches_test_accuracy_clearly_above_chance()
    {
        // Ten balanced classes make chance 10%; on 300 test images its standard deviation is 1.7 points, so 20% is almost
        // six standard deviations above it. A loop that never updates the weights stays near 10%.
        using var run = new SmallRun(fixture.Data.Subset(640, 300), Small with { Epochs = 2, BatchSize = 16, TrainAccuracyImages = 100 });
        run.Train();
        Assert.True(run.Run.History.Last!.TestAccuracy >= 0.20, run.Run.Summary());
        Assert.True(run.Run.History.MovingLoss[^1] < run.Run.History.MovingLoss[0], "the moving loss should fall");
    }

    [Fact]
    public void An_epoch_records_the_chapters_moving_loss_the_mean_loss_accuracies_and_speed_and_reports_progress()
    {
        var progress = new ProgressRecorder();
        using var run = new SmallRun(fixture.Data.Subset(40, 50), Small, progress: progress);
        run.Train();

        var history = run.Run.History;
        var epoch = Assert.Single(history.Epochs);
        Assert.Equal(5, history.MovingLoss.Count); // 40 images in batches of 8
        Assert.Equal(history.MovingLoss[^1], epoch.MovingLoss);
        Assert.InRange(epoch.MeanLoss, 0.5, 5);
        Assert.InRange(epoch.TrainAccuracy, 0, 1);
        Assert.InRange(epoch.TestAccuracy, 0, 1);
        Assert.True(epoch.ImagesPerSecond > 0);
        Assert.Equal(5, progress.Reports.Count(r => r.Phase == TrainingPhase.Training));
        Assert.Contains(progress.Reports, r => r.Phase == TrainingPhase.EvaluatingTest);
        Assert.Same(epoch, progress.Reports[^1].CompletedEpoch);
        Assert.Contains("SYNTHETIC", run.Run.Summary());
        Assert.Contains("test acc", run.Run.Summary());
    }

    [Fact]
    public void A_stopped_run_goes_on_exactly_where_it_stopped_with_no_step_counted_twice()
    {
        var data = fixture.Data.Subset(48, 20);
        using var straight = new SmallRun(data, Small with { Epochs = 2 });
        straight.Train();

        var cancellation = new CancellationTokenSource();
        var progress = new ProgressRecorder(report =>
        {
            if (report is { Phase: TrainingPhase.Training, Epoch: 2, Batch: 3 })
            {
                cancellation.Cancel();
            }
        });
        using var stopped = new SmallRun(data, Small with { Epochs = 2 }, progress: progress, cancellation: () => cancellation.Token);
        Assert.Throws<OperationCanceledException>(stopped.Train);
        Assert.Equal(6 + 3, stopped.Run.Steps);
        Assert.Single(stopped.Run.History.Epochs);

        // Running the notebook cell again: the same run object, and the new cell's token, which is not cancelled.
        cancellation.Dispose();
        cancellation = new CancellationTokenSource();
        stopped.Train();
        cancellation.Dispose();

        Assert.Equal(straight.Run.History.MovingLoss.Count, stopped.Run.History.MovingLoss.Count);
        Assert.Equal(straight.Run.History.MovingLoss, stopped.Run.History.MovingLoss, (a, b) => Math.Abs(a - b) <= 1e-4 * Math.Abs(a));
        Assert.Equal(2, stopped.Run.History.Epochs.Count);
        foreach (var (name, parameter) in straight.Net.named_parameters())
        {
            var other = stopped.Net.named_parameters().Single(p => p.name == name).parameter;
            Assert.True(parameter.allclose(other, rtol: 1e-3, atol: 1e-5), $"{name} differs after the resumed run");
        }
    }

    [Fact]
    public void A_diverging_loss_stops_the_run_naming_epoch_batch_and_the_checkpoint_that_holds_the_last_good_state()
    {
        var path = temp.Combine("alexnet.ckpt");
        using (var good = new SmallRun(fixture.Data.Subset(16, 20), Small, path))
        {
            good.Train();
        }

        var saved = File.ReadAllBytes(path);
        using var broken = new SmallRun(fixture.Data.Subset(64, 20), Small with { Momentum = 0 }, path, learningRate: 1e12);
        var error = Assert.Throws<TrainingDivergedException>(broken.Train);

        Assert.Equal(1, error.Epoch);
        Assert.Contains($"epoch 1, batch {error.Batch}", error.Message);
        Assert.Contains("learning rate", error.Message);
        Assert.Contains(Path.GetFullPath(path), error.Message);
        Assert.Contains("1 epoch(s)", error.Message);
        Assert.Equal(saved, File.ReadAllBytes(path));
        Assert.Throws<InvalidOperationException>(broken.Train); // a diverged run does not quietly train on
    }

    [Fact]
    public void Weights_broken_by_the_last_step_of_an_epoch_are_never_written_over_the_good_checkpoint()
    {
        var path = temp.Combine("alexnet.ckpt");
        using (var good = new SmallRun(fixture.Data.Subset(8, 20), Small, path))
        {
            good.Train();
        }

        var saved = File.ReadAllBytes(path);
        // One batch an epoch: the loss of that step is finite (measured before the update), the weights after it are not.
        using var broken = new SmallRun(fixture.Data.Subset(8, 20), Small, path, learningRate: double.NaN);
        var error = Assert.Throws<TrainingDivergedException>(broken.Train);

        Assert.Contains("NaN or infinite", error.Message);
        Assert.Contains("still holds the last good state", error.Message);
        Assert.Equal(saved, File.ReadAllBytes(path));
        Assert.Empty(broken.Run.History.Epochs);
    }

    [Fact]
    public void The_chapter_network_trains_on_256_pixel_inputs()
    {
        using var run = new SmallRun(fixture.Data.Subset(8, 10), Small with { Variant = AlexNetVariant.Chapter, ImageSize = 256, EvalBatchSize = 10 });
        run.Train();
        Assert.Single(run.Run.History.Epochs);
    }

    [Fact]
    public void Each_training_batch_takes_exactly_one_recorded_step()
    {
        using var run = new SmallRun(fixture.Data.Subset(16, 10), Small);
        Assert.Throws<InvalidOperationException>(() => run.Run.EndStep(2.3, 2.3));
        var batches = run.Run.TrainBatches(1).GetEnumerator();
        Assert.True(batches.MoveNext());
        Assert.Throws<InvalidOperationException>(() => batches.MoveNext());
    }
}
