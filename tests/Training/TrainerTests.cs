using DeepCnn.Training;

namespace DeepCnn.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrainerTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static TrainingOptions Small => new()
    {
        Epochs = 1,
        BatchSize = 8,
        Dropout = 0,
        EvalBatchSize = 50,
        TrainAccuracyImages = 50,
        Device = "cpu",
        Seed = 1,
    };

    [Fact]
    public void One_sgd_step_lowers_the_loss_on_a_fixed_batch()
    {
        using var trainer = new Trainer(fixture.Data.Subset(64, 50), Small with { LearningRate = 0.01 });
        using var batch = trainer.TrainBatches.Load([.. Enumerable.Range(0, 16)]);
        var before = trainer.Loss(batch);
        trainer.Step(batch);
        var after = trainer.Loss(batch);
        Assert.True(after < before, $"loss went from {before} to {after}");
    }

    [Fact]
    public void A_short_run_on_synthetic_data_reaches_test_accuracy_clearly_above_chance()
    {
        // 80 SGD steps of 16 images. Ten balanced classes make chance 10%; on 300 test images its standard deviation
        // is 1.7 points, so 20% is almost six standard deviations above it. A network that learned nothing (or a
        // trainer that never updates the weights) stays near 10%; this one reaches about 30%.
        using var trainer = new Trainer(fixture.Data.Subset(640, 300), Small with { Epochs = 2, BatchSize = 16, TrainAccuracyImages = 100 });
        var history = trainer.Fit();
        Assert.True(history.Last!.TestAccuracy >= 0.20, trainer.Summary());
        Assert.True(history.MovingLoss[^1] < history.MovingLoss[0], "the moving loss should fall");
    }

    [Fact]
    public void An_epoch_records_the_chapters_moving_loss_accuracies_and_speed_and_reports_progress()
    {
        var reports = new List<TrainingProgress>();
        using var trainer = new Trainer(fixture.Data.Subset(40, 50), Small);
        var history = trainer.Fit(new Recorder(reports));

        var epoch = Assert.Single(history.Epochs);
        Assert.Equal(5, history.MovingLoss.Count); // 40 images in batches of 8
        Assert.Equal(history.MovingLoss[^1], epoch.MovingLoss);
        Assert.InRange(epoch.TrainAccuracy, 0, 1);
        Assert.InRange(epoch.TestAccuracy, 0, 1);
        Assert.True(epoch.ImagesPerSecond > 0);
        Assert.Equal(5, reports.Count(r => r.Phase == TrainingPhase.Training));
        Assert.Contains(reports, r => r.Phase == TrainingPhase.EvaluatingTest);
        Assert.Same(epoch, reports[^1].CompletedEpoch);
        Assert.Contains("SYNTHETIC", trainer.Summary());
        Assert.Contains("test acc", trainer.Summary());
    }

    [Fact]
    public void Evaluation_builds_no_graph_and_leaves_the_model_in_training_mode()
    {
        using var trainer = new Trainer(fixture.Data.Subset(16, 20), Small);
        trainer.Model.train();
        var predictions = trainer.PredictTest();
        Assert.Equal(20, predictions.Count);
        Assert.True(trainer.Model.training);
        Assert.All(predictions.Confidence, c => Assert.InRange(c, 0.0999f, 1f));
    }

    [Fact]
    public void A_non_finite_loss_stops_training_naming_epoch_and_batch_and_keeps_the_saved_checkpoint()
    {
        var path = temp.Combine("alexnet.ckpt");
        using (var good = new Trainer(fixture.Data.Subset(16, 20), Small))
        {
            good.Fit(checkpointPath: path);
        }

        var saved = File.ReadAllBytes(path);
        using var broken = new Trainer(fixture.Data.Subset(64, 20), Small with { LearningRate = 1e12, Momentum = 0 });
        var error = Assert.Throws<TrainingDivergedException>(() => broken.Fit(checkpointPath: path));

        Assert.Equal(1, error.Epoch);
        Assert.Contains($"epoch 1, batch {error.Batch}", error.Message);
        Assert.Contains("learning rate", error.Message);
        Assert.Equal(saved, File.ReadAllBytes(path));
    }

    [Fact]
    public void Training_can_be_cancelled_between_batches()
    {
        using var trainer = new Trainer(fixture.Data.Subset(64, 20), Small);
        using var cancellation = new CancellationTokenSource();
        var progress = new Recorder([], report =>
        {
            if (report.Batch == 2)
            {
                cancellation.Cancel();
            }
        });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(progress, cancellation: cancellation.Token));
        Assert.Equal(2, trainer.History.MovingLoss.Count);
    }

    private sealed class Recorder(List<TrainingProgress> reports, Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
