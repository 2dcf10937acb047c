using DeepCnn.Configuration;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Data;

public sealed class BatchLoaderTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly CifarDataSet data;
    private readonly ChannelStats stats;

    public BatchLoaderTests()
    {
        data = SyntheticCifar.Load(temp.Path, trainCount: 150, testCount: 40);
        stats = ChannelStats.Compute(data.Train);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Training_batch_is_64x3x224x224_float_with_int64_labels()
    {
        var loader = new BatchLoader(data.Train, BatchOptions.Training() with { ImageSize = 224 }, stats);
        using var batch = loader.Epoch().First();
        Assert.Equal(new long[] { 64, 3, 224, 224 }, batch.Images.shape);
        Assert.Equal(ScalarType.Float32, batch.Images.dtype);
        Assert.Equal(new long[] { 64 }, batch.Labels.shape);
        Assert.Equal(ScalarType.Int64, batch.Labels.dtype);
        Assert.Equal(batch.Indices.Select(i => (long)data.Train.Labels[i]), batch.Labels.data<long>().ToArray());
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(1, 1)]
    [InlineData(40, 1)]
    [InlineData(41, 2)]
    [InlineData(int.MaxValue, 4)] // no overflow in the rounding up
    public void The_batches_for_a_number_of_images_round_up_and_stop_at_the_last_batch(int? images, int expected)
    {
        var loader = new BatchLoader(data.Train, BatchOptions.Evaluation(40), stats); // 150 images: 3 full batches and 30

        Assert.Equal(expected, loader.BatchesFor(images));
    }

    [Theory]
    [InlineData(100_000, 64, "BatchOptions.ImageSize = 100000 is out of range: expected from 32 to 1024.")]
    [InlineData(224, 0, "BatchOptions.BatchSize = 0 is out of range: expected from 1 to 50000.")]
    public void A_size_out_of_range_is_refused_before_any_tensor_is_made(int imageSize, int batchSize, string message)
    {
        var options = BatchOptions.Training() with { ImageSize = imageSize, BatchSize = batchSize };
        var error = Assert.Throws<InvalidOptionsException>(() => new BatchLoader(data.Train, options, stats));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_subset_of_no_images_is_refused_with_the_split_and_the_allowed_values()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset(0, null));
        Assert.Contains("A subset of 0 images of the train split", error.Message);
        Assert.Contains("expected at least 1, or null for all 150", error.Message);
    }

    [Fact]
    public void Normalised_training_images_have_about_zero_mean_and_unit_deviation_per_channel()
    {
        var loader = new BatchLoader(data.Train, BatchOptions.Evaluation(150) with { ImageSize = 32 }, stats);
        using var batch = loader.Epoch().Single();
        using var scope = NewDisposeScope();
        var mean = batch.Images.mean([0, 2, 3]).data<float>().ToArray();
        var std = batch.Images.std([0, 2, 3]).data<float>().ToArray();
        Assert.All(mean, m => Assert.InRange(m, -0.01f, 0.01f));
        Assert.All(std, s => Assert.InRange(s, 0.98f, 1.02f));
    }

    [Fact]
    public void Pixel_values_are_scaled_from_bytes_before_normalising()
    {
        var identity = new ChannelStats([0f, 0f, 0f], [1f, 1f, 1f]);
        var loader = new BatchLoader(data.Test, BatchOptions.Evaluation(4) with { ImageSize = 32 }, identity);
        using var batch = loader.Epoch().First();
        Assert.InRange(batch.Images.min().item<float>(), 0f, 1f);
        Assert.InRange(batch.Images.max().item<float>(), 0f, 1f);
        var expected = data.Test.Image(0)[5] / 255f; // red plane, row 0, column 5
        Assert.Equal(expected, batch.Images[0, 0, 0, 5].item<float>(), 5);
    }

    [Fact]
    public void Each_pixel_is_normalised_as_byte_over_255_minus_mean_over_std()
    {
        var loader = new BatchLoader(data.Test, BatchOptions.Evaluation(2) with { ImageSize = 32 }, stats);
        using var batch = loader.Epoch().First();
        const int plane = CifarLayout.Side * CifarLayout.Side;
        foreach (var (image, channel, pixel) in new[] { (0, 0, 5), (1, 1, 300), (1, 2, plane - 1) })
        {
            var expected = (data.Test.Image(image)[channel * plane + pixel] / 255f - stats.Mean[channel]) / stats.Std[channel];
            var actual = batch.Images[image, channel, pixel / CifarLayout.Side, pixel % CifarLayout.Side].item<float>();
            Assert.Equal(expected, actual, 5);
        }
    }

    [Fact]
    public void Upsampling_is_bilinear_so_a_flat_image_stays_flat_and_values_stay_in_range()
    {
        var loader = new BatchLoader(data.Test, BatchOptions.Evaluation(8) with { ImageSize = 224 }, stats);
        using var small = new BatchLoader(data.Test, BatchOptions.Evaluation(8) with { ImageSize = 32 }, stats).Epoch().First();
        using var large = loader.Epoch().First();
        using var scope = NewDisposeScope();
        // Bilinear interpolation never leaves the range of its inputs (nearest would too, but bicubic would not).
        Assert.True(large.Images.max().item<float>() <= small.Images.max().item<float>() + 1e-5);
        Assert.True(large.Images.min().item<float>() >= small.Images.min().item<float>() - 1e-5);
        // And it blends: the upsampled image has values that are in neither neighbour (nearest would not).
        var distinctSmall = small.Images[0, 0].flatten().unique().output.shape[0];
        var distinctLarge = large.Images[0, 0].flatten().unique().output.shape[0];
        Assert.True(distinctLarge > distinctSmall);
    }

    [Fact]
    public void Shuffle_is_the_same_for_the_same_seed_and_epoch_and_differs_between_epochs()
    {
        var a = new BatchLoader(data.Train, BatchOptions.Training(16, seed: 3), stats);
        var b = new BatchLoader(data.Train, BatchOptions.Training(16, seed: 3), stats);
        var c = new BatchLoader(data.Train, BatchOptions.Training(16, seed: 4), stats);
        var epoch0 = a.IndexBatches(0).SelectMany(x => x).ToArray();
        Assert.Equal(epoch0, b.IndexBatches(0).SelectMany(x => x).ToArray());
        Assert.NotEqual(epoch0, a.IndexBatches(1).SelectMany(x => x).ToArray());
        Assert.NotEqual(epoch0, c.IndexBatches(0).SelectMany(x => x).ToArray());
        Assert.NotEqual(Enumerable.Range(0, epoch0.Length), epoch0);
    }

    [Fact]
    public void Training_drops_the_last_partial_batch_and_evaluation_keeps_every_image()
    {
        var training = new BatchLoader(data.Train, BatchOptions.Training(64), stats);
        var batches = training.IndexBatches().ToList();
        Assert.Equal(2, batches.Count); // 150 images: 64 + 64, the last 22 dropped
        Assert.All(batches, b => Assert.Equal(64, b.Length));
        Assert.Equal(128, training.ImagesPerEpoch);
        Assert.Equal(128, batches.SelectMany(b => b).Distinct().Count());

        var evaluation = new BatchLoader(data.Train, BatchOptions.Evaluation(64), stats);
        var all = evaluation.IndexBatches().ToList();
        Assert.Equal(new[] { 64, 64, 22 }, all.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 150), all.SelectMany(b => b));
    }

    [Fact]
    public void Augmentation_is_off_by_default_and_when_on_is_reproducible_and_changes_images()
    {
        var plain = BatchOptions.Training(8, seed: 1) with { ImageSize = 32 };
        Assert.False(plain.Augment);
        var loader = new BatchLoader(data.Train, plain, stats);
        var augmented = new BatchLoader(data.Train, plain with { Augment = true }, stats);
        var indices = loader.IndexBatches().First();

        using var original = loader.Load(indices);
        using var once = augmented.Load(indices, augmentSeed: 5);
        using var twice = augmented.Load(indices, augmentSeed: 5);
        using var other = augmented.Load(indices, augmentSeed: 6);
        Assert.True(once.Images.allclose(twice.Images, rtol: 0, atol: 0));
        Assert.False(once.Images.allclose(original.Images));
        Assert.False(once.Images.allclose(other.Images));
    }

    [Fact]
    public void Building_many_batches_leaves_no_tensor_behind()
    {
        var loader = new BatchLoader(data.Train, BatchOptions.Training(16) with { ImageSize = 64 }, stats);
        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var epoch = 0; epoch < 5; epoch++)
        {
            foreach (var batch in loader.Epoch(epoch))
            {
                batch.Dispose();
            }
        }

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
