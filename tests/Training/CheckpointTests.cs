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

    private static TrainingOptions Small => SmallRun.Cpu with
    {
        BatchSize = 16,
        TrainAccuracyImages = 16,
        EvalBatchSize = 30,
    };

    private string Trained(out SmallRun run)
    {
        run = new SmallRun(fixture.Data.Subset(48, 60), Small, temp.Combine("runs"));
        run.Train();
        return Path.Combine(run.Run.Folder, TrainingRun.LastCheckpoint);
    }

    private static AlexNet Rebuild(CheckpointContents saved) => new(saved.Run.Config, saved.Run.ClassNames.Count);

    [Fact]
    public void A_network_rebuilt_from_a_checkpoint_predicts_exactly_what_the_trained_one_predicted()
    {
        var path = Trained(out var run);
        using var _ = run;
        var expected = Evaluator.Predict(run.Net, run.Batches.Test);

        var saved = Checkpoint.ReadContents(path);
        using var net = Rebuild(saved);
        Checkpoint.Load(path, net);
        var actual = Evaluator.Predict(net, saved.Run.EvaluationBatches(run.Batches.Data.Test, CPU));

        Assert.Equal(expected.Predicted, actual.Predicted);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(Small, saved.Run.Options);
        Assert.Equal(run.Config, saved.Run.Config);
        Assert.Equal(run.Run.History.MovingLoss, saved.History.MovingLoss);
        Assert.Equal(run.Run.History.Epochs.Select(e => (e.Epoch, e.TestAccuracy)), saved.History.Epochs.Select(e => (e.Epoch, e.TestAccuracy)));
        Assert.Equal(run.Batches.Stats.Mean, saved.Run.Stats.Mean);
        Assert.True(saved.Run.Data.IsSynthetic);
        Assert.Equal(run.Batches.Data.ClassNames, saved.Run.ClassNames);
        Assert.Equal(NetworkDescription.Of(run.Net).Parameters.Select(p => p.ShapeText), saved.Run.Network.Parameters.Select(p => p.ShapeText));
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
        Assert.Contains("left as it was", error.Message);
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
    public void Loading_into_a_network_of_another_shape_names_the_first_layer_that_differs()
    {
        var path = Trained(out var run); // the classic layers: 256 channels in conv2
        run.Dispose();
        using var other = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = 224 }, 10);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, other));
        Assert.Contains("do not fit this network", error.Message);
        Assert.Contains("conv2: the checkpoint has 256 output channels, this network 192", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_network_description_names_the_first_differing_layer_in_words()
    {
        static NetworkDescription With(int conv2) => new("AlexNet",
        [
            new ParameterShape("features.conv1.weight", [96, 3, 11, 11]),
            new ParameterShape("features.conv2.weight", [conv2, 96, 5, 5]),
            new ParameterShape("features.conv3.weight", [384, conv2, 3, 3]),
            new ParameterShape("classifier.fc8.weight", [10, 4096]),
        ]);

        Assert.Equal("conv2: the checkpoint has 128 output channels, this network 192 (features.conv2.weight: 128x96x5x5 in the checkpoint, 192x96x5x5 in this network)",
            With(128).FirstDifference(With(192)));
        Assert.Null(With(192).FirstDifference(With(192)));
        var fewerClasses = With(192) with { Parameters = [.. With(192).Parameters.SkipLast(1), new ParameterShape("classifier.fc8.weight", [5, 4096])] };
        Assert.StartsWith("fc8: the checkpoint has 10 output features, this network 5", With(192).FirstDifference(fewerClasses));
        Assert.Equal("conv1 96, conv2 128, conv3 384, fc8 10", With(128).Widths());
    }

    [Fact]
    public void A_damaged_record_inside_a_checkpoint_names_the_file_and_the_entry()
    {
        var path = Trained(out var run);
        run.Dispose();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("checkpoint.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("checkpoint.json").Open());
            writer.Write("{\"FormatVersion\": 3, \"Run\": [1, 2");
        }

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadContents(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("checkpoint.json is damaged", error.Message);
    }

    [Fact]
    public void A_checkpoint_whose_bytes_were_overwritten_names_the_file_not_a_bare_zip_error()
    {
        var path = Trained(out var run);
        run.Dispose();
        var bytes = File.ReadAllBytes(path);
        // Scribble over the middle of the file: the zip's entries no longer decompress or match.
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 4096; i++)
        {
            bytes[i] = 0xFF;
        }

        File.WriteAllBytes(path, bytes);
        using var net = new AlexNet(SmallRun.Classic96, 10);
        var error = Assert.ThrowsAny<InvalidDataException>(() => Checkpoint.Load(path, net));
        Assert.Contains(path, error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void Loading_a_missing_checkpoint_says_which_notebook_makes_one()
    {
        using var net = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = 224 }, 10);
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
