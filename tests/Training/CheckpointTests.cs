using System.IO.Compression;
using DeepCnn.Chapter;
using DeepCnn.Models;
using DeepCnn.Training;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class CheckpointTests(SmallTrainingData fixture) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static TrainingOptions Small => SmallRun.Cpu96 with
    {
        BatchSize = 16,
        TrainAccuracyImages = 16,
        EvalBatchSize = 30,
    };

    private string Trained(out SmallRun run)
    {
        var path = temp.Combine("checkpoints", "alexnet.ckpt");
        run = new SmallRun(fixture.Data.Subset(48, 60), Small, path);
        run.Train();
        return path;
    }

    private static AlexNet Rebuild(CheckpointContents saved) =>
        new(saved.Options.Variant, saved.ClassNames.Count, saved.Options.Dropout, saved.Options.ImageSize);

    [Fact]
    public void A_network_rebuilt_from_a_checkpoint_predicts_exactly_what_the_trained_one_predicted()
    {
        var path = Trained(out var run);
        using var _ = run;
        var expected = Evaluator.Predict(run.Net, run.Batches.Test);

        var saved = Checkpoint.ReadContents(path);
        using var net = Rebuild(saved);
        Checkpoint.Load(path, net);
        var actual = Evaluator.Predict(net, saved.EvaluationBatches(run.Batches.Data.Test, CPU));

        Assert.Equal(expected.Predicted, actual.Predicted);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(Small, saved.Options);
        Assert.Equal(run.Run.History.MovingLoss, saved.History.MovingLoss);
        Assert.Equal(run.Run.History.Epochs, saved.History.Epochs);
        Assert.Equal(run.Batches.Stats.Mean, saved.Stats.Mean);
        Assert.True(saved.Origin.IsSynthetic);
        Assert.Equal(run.Batches.Data.ClassNames, saved.ClassNames);
    }

    [Fact]
    public void The_optimisers_momentum_is_saved_and_restored()
    {
        var path = Trained(out var run);
        using var _ = run;
        using var net = Rebuild(Checkpoint.ReadContents(path));
        using var optimizer = optim.SGD(net.parameters(), 0.01, momentum: 0.9);
        Checkpoint.Load(path, net, optimizer);

        var original = FiniteState.OptimizerTensors(run.Optimizer).ToList();
        var restored = FiniteState.OptimizerTensors(optimizer).ToList();
        Assert.NotEmpty(original);
        Assert.Equal(original.Count, restored.Count);
        Assert.All(original.Zip(restored), pair => Assert.True(pair.First.Tensor.allclose(pair.Second.Tensor, rtol: 0, atol: 0), pair.First.Name));
    }

    [Fact]
    public void Weights_that_are_not_finite_are_never_saved_and_the_file_there_stays_as_it_was()
    {
        var path = Trained(out var run);
        using var _ = run;
        var before = File.ReadAllBytes(path);
        using (no_grad())
        {
            run.Net.parameters().First().fill_(float.NaN);
        }

        var saved = Checkpoint.ReadContents(path);
        var error = Assert.Throws<NonFiniteStateException>(() => Checkpoint.Save(path, run.Net, run.Optimizer, saved));
        Assert.Contains("features.conv1.weight", error.Message);
        Assert.Contains("still holds the last good state", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Damaged_weight_bytes_are_called_damaged_not_a_network_that_does_not_fit()
    {
        var path = Trained(out var run);
        run.Dispose();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("weights.bin")!;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            bytes[bytes.Length / 2] ^= 0x40;
            entry.Delete();
            using var replaced = zip.CreateEntry("weights.bin").Open();
            replaced.Write(bytes);
        }

        using var net = Rebuild(Checkpoint.ReadContents(path));
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, net));
        Assert.Contains("weights.bin is damaged", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void Loading_into_a_network_of_another_shape_says_what_was_saved()
    {
        var path = Trained(out var run);
        run.Dispose();
        using var other = new AlexNet(AlexNetVariant.Chapter, 10, 0.5, 224);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, other));
        Assert.Contains("do not fit", error.Message);
        Assert.Contains("Classic AlexNet", error.Message);
    }

    [Fact]
    public void Loading_a_missing_checkpoint_says_which_notebook_makes_one()
    {
        using var net = new AlexNet(AlexNetVariant.Chapter, 10, 0.5, 224);
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(temp.Combine("none.ckpt"), net));
        Assert.Contains("none.ckpt", error.Message);
        Assert.Contains("notebook 05", error.Message);
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_checkpoint_names_the_file_and_what_was_expected()
    {
        var path = temp.Combine("notes.ckpt");
        File.WriteAllText(path, "not a zip");
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadContents(path));
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

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadContents(path));
        Assert.Contains(path, error.Message);
    }
}
