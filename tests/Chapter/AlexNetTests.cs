using DeepCnn.Chapter;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Chapter;

public sealed class AlexNetTests
{
    private static AlexNet Build(AlexNetVariant variant, double dropout = 0.5, int imageSize = 224) =>
        new(new AlexNetConfig { Variant = variant, Dropout = dropout, ImageSize = imageSize }, 10);

    private static long Parameters(nn.Module model) => model.parameters().Sum(p => p.numel());

    [Theory]
    [InlineData(AlexNetVariant.Chapter, 21_247_306)]
    [InlineData(AlexNetVariant.Classic, 46_787_978)]
    public void Parameter_count_matches_the_architecture(AlexNetVariant variant, long expected)
    {
        using var model = Build(variant);
        Assert.Equal(expected, Parameters(model));
    }

    [Theory]
    [InlineData(AlexNetVariant.Chapter)]
    [InlineData(AlexNetVariant.Classic)]
    public void Forward_maps_a_batch_of_images_to_ten_scores_each_and_keeps_no_intermediate_tensor(AlexNetVariant variant)
    {
        using var model = Build(variant);
        model.eval();
        using var images = randn(2, 3, 224, 224);
        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        using (var output = model.call(images))
        {
            Assert.Equal(new long[] { 2, 10 }, output.shape);
        }

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Dropout_comes_from_the_argument_and_acts_only_in_training_mode()
    {
        using var model = Build(AlexNetVariant.Chapter, dropout: 0.5);
        using var without = Build(AlexNetVariant.Chapter, dropout: 0);
        using var scope = NewDisposeScope();
        var x = randn(1, 3, 224, 224);
        Assert.Equal([0.5, 0.5], ModelSummary.Leaves(model).Select(l => l.Layer).OfType<TorchSharp.Modules.Dropout>().Select(d => d.p));
        model.eval();
        Assert.True(model.call(x).allclose(model.call(x)));
        model.train();
        Assert.False(model.call(x).allclose(model.call(x)));
        without.train();
        Assert.True(without.call(x).allclose(without.call(x)));
    }

    [Theory]
    [InlineData(AlexNetVariant.Chapter, 256, 256 * 2 * 2)]
    [InlineData(AlexNetVariant.Classic, 256, 256 * 6 * 6)]
    [InlineData(AlexNetVariant.Chapter, 224, 256)]
    public void The_first_dense_layer_follows_the_image_size(AlexNetVariant variant, int imageSize, long inputs)
    {
        using var model = Build(variant, imageSize: imageSize);
        var summary = ModelSummary.Of(model, imageSize);
        Assert.Equal($"Linear {inputs}->4096", summary.Layers.Single(l => l.Name == "classifier.fc6").Kind);
        model.eval();
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 3, 10 }, model.call(randn(3, 3, imageSize, imageSize)).shape);
    }

    [Theory]
    [InlineData(AlexNetVariant.Chapter)]
    [InlineData(AlexNetVariant.Classic)]
    public void The_options_know_the_smallest_image_the_network_takes(AlexNetVariant variant)
    {
        // AlexNetConfig checks the image size before anything is built, from the layout's arithmetic; the network agrees.
        var smallest = new AlexNetConfig { Variant = variant }.MinImageSize;
        using (var fits = Build(variant, imageSize: smallest))
        {
            Assert.Equal(1, ModelSummary.Of(fits, smallest).Layers.Single(l => l.Name == "features.pool5").OutputShape[^1]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Build(variant, imageSize: smallest - 1));
    }

    [Fact]
    public void An_image_too_small_for_the_chapter_layers_is_refused_naming_its_size()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(AlexNetVariant.Chapter, imageSize: 160));
        Assert.Contains("160x160", error.Message);
        Assert.Contains("too small", error.Message);
    }
}
