using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Models;

public sealed class AlexNetTests
{
    [Theory]
    [InlineData(AlexNetVariant.Chapter, 21_247_306)]
    [InlineData(AlexNetVariant.Classic, 46_787_978)]
    public void Parameter_count_matches_the_published_architecture(AlexNetVariant variant, long expected)
    {
        using var model = new AlexNet(variant);
        Assert.Equal(expected, model.ParameterCount);
    }

    [Theory]
    [InlineData(AlexNetVariant.Chapter)]
    [InlineData(AlexNetVariant.Classic)]
    public void Forward_maps_a_batch_of_images_to_ten_scores_each(AlexNetVariant variant)
    {
        using var model = new AlexNet(variant);
        model.eval();
        using var scope = NewDisposeScope();
        var output = model.call(randn(2, 3, 224, 224));
        Assert.Equal(new long[] { 2, 10 }, output.shape);
    }

    [Fact]
    public void Dropout_is_absent_from_the_chapter_variant_unless_asked_for()
    {
        using var plain = new AlexNet(AlexNetVariant.Chapter);
        using var withDropout = new AlexNet(AlexNetVariant.Chapter, dropout: 0.5);
        Assert.DoesNotContain(plain.Classifier.named_children(), c => c.name.StartsWith("drop", StringComparison.Ordinal));
        Assert.Equal(2, withDropout.Classifier.named_children().Count(c => c.name.StartsWith("drop", StringComparison.Ordinal)));
    }

    [Fact]
    public void Output_of_the_classic_variant_depends_on_dropout_only_in_training_mode()
    {
        using var model = new AlexNet(AlexNetVariant.Classic);
        using var scope = NewDisposeScope();
        var x = randn(1, 3, 224, 224);
        model.eval();
        Assert.True(model.call(x).allclose(model.call(x)));
        model.train();
        Assert.False(model.call(x).allclose(model.call(x)));
    }

    [Fact]
    public void Xavier_init_is_reproducible_for_a_seed_and_scaled_by_magnitude()
    {
        using var a = new AlexNet();
        using var b = new AlexNet();
        XavierInit.Apply(a, 2.24, seed: 7);
        XavierInit.Apply(b, 2.24, seed: 7);
        var conv1A = a.Features.named_children().First().module.parameters().First();
        var conv1B = b.Features.named_children().First().module.parameters().First();
        Assert.True(conv1A.allclose(conv1B, rtol: 0, atol: 0));

        // conv1: fanIn = 3*11*11, fanOut = 96*11*11, so the bound is sqrt(2.24 / ((363 + 11616) / 2)).
        var bound = Math.Sqrt(2.24 / ((363 + 11616) / 2.0));
        var max = conv1A.abs().max().item<float>();
        Assert.InRange(max, bound * 0.95, bound * 1.0001);
        Assert.All(a.parameters().Where(p => p.dim() == 1), bias => Assert.Equal(0f, bias.abs().sum().item<float>()));
    }

    [Fact]
    public void Summary_of_the_chapter_variant_walks_from_96x54x54_down_to_ten_scores()
    {
        using var model = new AlexNet(AlexNetVariant.Chapter);
        var summary = ModelSummary.Of(model);
        Assert.Equal("1x96x54x54", summary.Layers.Single(l => l.Name == "features.conv1").Shape);
        Assert.Equal("1x256x1x1", summary.Layers.Single(l => l.Name == "features.pool5").Shape);
        Assert.Equal("1x10", summary.Layers[^1].Shape);
        Assert.Equal(model.ParameterCount, summary.TotalParameters);
        Assert.Equal(893_819_136, summary.ForwardFlops);
        Assert.Equal(3 * 893_819_136L, summary.TrainingFlops);
    }

    [Fact]
    public void Summary_of_the_classic_variant_ends_its_convolutions_at_256x5x5_and_counts_2_01_gflop()
    {
        using var model = new AlexNet(AlexNetVariant.Classic);
        var summary = ModelSummary.Of(model);
        Assert.Equal("1x256x5x5", summary.Layers.Single(l => l.Name == "features.pool5").Shape);
        Assert.Equal(46_787_978, summary.TotalParameters);
        Assert.Equal(2_011_781_376, summary.ForwardFlops);
        Assert.True(model.training, "the summary must leave the model in the mode it found it");
    }
}
