using DeepCnn.Training;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Training;

[Collection(TrainingCollection.Name)]
public sealed class TrainingBatchesTests(SmallTrainingData fixture)
{
    private Tensor FirstBatchImages(int seed, int skip = 0, int epoch = 1)
    {
        var options = new TrainingOptions { BatchSize = 8, Augment = true, Seed = seed };
        var batches = TrainingBatches.For(fixture.Data.Subset(64, 10), options, 32, CPU);
        using var batch = batches.Train.Epoch(epoch, skip).First();
        return batch.Images.clone();
    }

    [Fact]
    public void The_run_seed_drives_shuffling_and_augmentation()
    {
        using var one = FirstBatchImages(seed: 1);
        using var again = FirstBatchImages(seed: 1);
        using var two = FirstBatchImages(seed: 2);
        Assert.True(one.allclose(again, rtol: 0, atol: 0));
        Assert.False(one.allclose(two, rtol: 0, atol: 0));
    }

    [Fact]
    public void A_batch_comes_out_the_same_whether_or_not_the_ones_before_it_were_skipped()
    {
        var options = new TrainingOptions { BatchSize = 8, Augment = true, Seed = 5 };
        var batches = TrainingBatches.For(fixture.Data.Subset(64, 10), options, 32, CPU);
        var all = batches.Train.Epoch(2).ToList();
        using var third = batches.Train.Epoch(2, skip: 2).First();
        Assert.True(all[2].Images.allclose(third.Images, rtol: 0, atol: 0));
        Assert.Equal(all[2].Indices, third.Indices);
        all.ForEach(b => b.Dispose());
    }

    [Fact]
    public void Raw_pixels_reach_the_network_unscaled_when_normalisation_is_off()
    {
        var raw = TrainingBatches.For(fixture.Data.Subset(64, 10), new TrainingOptions { BatchSize = 8, Normalize = false }, 32, CPU);
        using var batch = raw.Test.Epoch().First();
        var pixels = fixture.Data.Test.Image(0).ToArray();
        var values = batch.Images[0].flatten().data<float>().ToArray();
        Assert.Equal(pixels.Select(b => (float)b), values);
        Assert.True(raw.Stats.IsRaw);
        Assert.Contains("raw 0..255", raw.Describe());

        var normalised = TrainingBatches.For(fixture.Data.Subset(64, 10), new TrainingOptions { BatchSize = 8 }, 32, CPU);
        using var scaled = normalised.Test.Epoch().First();
        Assert.InRange(scaled.Images.mean().item<float>(), -0.5, 0.5);
    }

    [Fact]
    public void Each_frees_every_batch_once_the_loop_has_moved_on()
    {
        var batches = TrainingBatches.For(fixture.Data.Subset(64, 10), new TrainingOptions { BatchSize = 8 }, 32, CPU);
        var seen = new List<DeepCnn.Data.Batch>();
        foreach (var batch in batches.Train.Each(1))
        {
            Assert.False(batch.Images.IsInvalid);
            seen.Add(batch);
        }

        Assert.Equal(8, seen.Count);
        Assert.All(seen, b => Assert.True(b.Images.IsInvalid, "a batch outlived its step"));
    }

    [Fact]
    public void Too_few_images_for_one_batch_is_an_error_naming_the_batch_size_option()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingBatches.For(fixture.Data.Subset(5, 10), new TrainingOptions { BatchSize = 8 }, 32, CPU));
        Assert.Contains("BatchSize", error.Message);
    }
}
