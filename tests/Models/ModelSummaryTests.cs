using DeepCnn.Chapter;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Models;

public sealed class ModelSummaryTests
{
    [Fact]
    public void Summary_of_the_chapter_network_walks_from_96x54x54_down_to_ten_scores()
    {
        using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = 224 }, 10);
        var summary = ModelSummary.Of(model);
        Assert.Equal("1x96x54x54", summary.Layers.Single(l => l.Name == "features.conv1").Shape);
        Assert.Equal("1x256x1x1", summary.Layers.Single(l => l.Name == "features.pool5").Shape);
        Assert.Equal("1x10", summary.Layers[^1].Shape);
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Equal(893_819_136, summary.ForwardFlops);
        Assert.Equal(3 * 893_819_136L, summary.TrainingFlops);
        Assert.Equal(17_874_954, summary.ParametersIn("classifier."));
    }

    [Fact]
    public void Summary_of_the_classic_network_ends_its_convolutions_at_256x5x5_and_counts_2_01_gflop()
    {
        using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Classic, Dropout = 0.5, ImageSize = 224 }, 10);
        model.train();
        var summary = ModelSummary.Of(model);
        Assert.Equal("1x256x5x5", summary.Layers.Single(l => l.Name == "features.pool5").Shape);
        Assert.Equal(46_787_978, summary.TotalParameters);
        Assert.Equal(2_011_781_376, summary.ForwardFlops);
        Assert.Equal(2, summary.Layers.Count(l => l.Kind == "Dropout p=0.5"));
        Assert.True(model.training, "the summary must leave the model in the mode it found it");
    }

    [Fact]
    public void Any_sequential_network_can_be_summarised()
    {
        using var model = nn.Sequential(("conv", nn.Conv2d(3, 4, 3)), ("relu", nn.ReLU()), ("flat", nn.Flatten()), ("fc", nn.Linear(4 * 6 * 6, 2)));
        var summary = ModelSummary.Of(model, side: 8);
        Assert.Equal(["conv", "relu", "flat", "fc"], summary.Layers.Select(l => l.Name));
        Assert.Equal((3 * 9 * 4 + 4) + (144 * 2 + 2), summary.TotalParameters);
        Assert.Equal(2L * 27 * 4 * 36 + 2L * 144 * 2, summary.ForwardFlops);
    }

    [Fact]
    public void The_shape_probe_refuses_an_image_the_layers_shrink_to_nothing()
    {
        using var layers = nn.Sequential(("conv", nn.Conv2d(3, 4, 11, stride: 4)), ("pool", nn.MaxPool2d(3, 2)));
        Assert.Equal(4 * 5 * 5, ShapeProbe.FlatSize(layers, 55));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ShapeProbe.FlatSize(layers, 12));
        Assert.Contains("12x12", error.Message);
    }
}
