using DeepCnn.Data;
using DeepCnn.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Features;

[Collection(SyntheticDataCollection.Name)]
public sealed class HandmadeFeatureExtractorTests(SyntheticDataFixture fixture)
{
    private readonly CifarSplit _images = fixture.Data.Test.Take(120);

    [Fact]
    public void Extractor_gives_312_features_per_image_colour_first_then_HOG()
    {
        var extractor = new HandmadeFeatureExtractor();
        using var scope = torch.NewDisposeScope();

        var features = extractor.Extract(_images);

        Assert.Equal(24 + 288, extractor.Dimension);
        Assert.Equal(new long[] { _images.Count, 312 }, features.shape);
        var firstTen = SplitTensors.Images(_images, 0, 10);
        var colour = features[TensorIndex.Slice(0, 10), TensorIndex.Slice(0, 24)];
        var hog = features[TensorIndex.Slice(0, 10), TensorIndex.Slice(24, null)];
        Assert.True(colour.allclose(ColorHistogram.Compute(firstTen)));
        Assert.True(hog.allclose(Hog.Compute(firstTen)));
    }

    [Fact]
    public void Extractor_gives_the_same_features_whatever_the_batch_size()
    {
        using var scope = torch.NewDisposeScope();
        var inOneBatch = new HandmadeFeatureExtractor(new HandmadeFeatureOptions { BatchSize = 1_000 }).Extract(_images);
        var inBatchesOfSeven = new HandmadeFeatureExtractor(new HandmadeFeatureOptions { BatchSize = 7 }).Extract(_images);

        Assert.True(inOneBatch.allclose(inBatchesOfSeven, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Extractor_frees_every_batch_so_live_tensors_do_not_grow_with_the_batch_count()
    {
        // Warm up once: the first call may create tensors that live on (none are expected, but they would not be a leak).
        new HandmadeFeatureExtractor(new HandmadeFeatureOptions { BatchSize = 60 }).Extract(_images).Dispose();
        var before = TestImages.LiveTensors;

        using (var features = new HandmadeFeatureExtractor(new HandmadeFeatureOptions { BatchSize = 60 }).Extract(_images))
        {
            // Only the result is alive after 2 batches...
            Assert.Equal(before + 1, TestImages.LiveTensors);
        }

        using (var features = new HandmadeFeatureExtractor(new HandmadeFeatureOptions { BatchSize = 3 }).Extract(_images))
        {
            // ... and after 40: nothing per batch survives its dispose scope.
            Assert.Equal(before + 1, TestImages.LiveTensors);
        }

        Assert.Equal(before, TestImages.LiveTensors);
    }

    [Fact]
    public void Extractor_stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => new HandmadeFeatureExtractor().Extract(_images, cancellationToken: cancel.Token));
    }
}
