using System.IO.Compression;
using DeepCnn.Training;

namespace DeepCnn.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class CheckpointTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_loaded_checkpoint_predicts_exactly_what_the_trained_model_predicted()
    {
        var data = fixture.Data.Subset(48, 60);
        var path = temp.Combine("checkpoints", "alexnet.ckpt");
        using var trainer = new Trainer(data, new TrainingOptions { Epochs = 1, BatchSize = 16, Device = "cpu", TrainAccuracyImages = 16, EvalBatchSize = 30 });
        trainer.Fit(checkpointPath: path);
        var expected = trainer.PredictTest();

        using var loaded = Checkpoint.Load(path, "cpu");
        var actual = loaded.Predict(data.Test);

        Assert.Equal(expected.Predicted, actual.Predicted);
        Assert.Equal(expected.Accuracy, actual.Accuracy);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(trainer.Options, loaded.Contents.Options);
        Assert.Equal(trainer.History.MovingLoss, loaded.Contents.History.MovingLoss);
        Assert.Equal(trainer.History.Epochs, loaded.Contents.History.Epochs);
        Assert.Equal(trainer.Stats.Mean, loaded.Contents.Stats.Mean);
        Assert.True(loaded.Contents.Origin.IsSynthetic);
        Assert.Equal(data.ClassNames, loaded.Contents.ClassNames);
        Assert.False(loaded.Model.training);
    }

    [Fact]
    public void Loading_a_missing_checkpoint_says_which_notebook_makes_one()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(temp.Combine("none.ckpt")));
        Assert.Contains("none.ckpt", error.Message);
        Assert.Contains("notebook 05", error.Message);
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_checkpoint_names_the_file_and_what_was_expected()
    {
        var path = temp.Combine("notes.ckpt");
        File.WriteAllText(path, "not a zip");
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("checkpoint.json", error.Message);
    }

    [Fact]
    public void Loading_a_checkpoint_without_weights_names_the_missing_entry()
    {
        var path = temp.Combine("empty.ckpt");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("checkpoint.json").Open());
            writer.Write("{}");
        }

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains(path, error.Message);
    }
}
