using DeepCnn.Chapter;
using DeepCnn.Compute;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

public sealed class ConvolutionShapeTests
{
    [Fact]
    public void AlexNet_conv1_costs_203_233_536_flops_per_image_derived_from_its_shapes()
    {
        var conv1 = ConvolutionShape.AlexNetConv1;

        Assert.Equal(54, conv1.OutputSide);
        Assert.Equal(3 * 11 * 11, conv1.MultiplyAddsPerOutput);
        Assert.Equal(96 * 54 * 54, conv1.OutputsPerImage);
        Assert.Equal(203_233_536, conv1.FlopsPerImage);
    }

    [Fact]
    public void Output_side_and_weight_shape_are_what_torch_uses()
    {
        var conv1 = ConvolutionShape.AlexNetConv1;
        using var scope = NewDisposeScope();

        var output = nn.functional.conv2d(zeros(conv1.InputShape(1)), zeros(conv1.WeightShape), null, [conv1.Stride], [conv1.Padding]);

        Assert.Equal(new long[] { 1, 96, 54, 54 }, output.shape);
    }

    [Fact]
    public void Flops_agree_with_the_model_summary_of_the_chapter_network()
    {
        using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = AlexNetInput.Side }, 10);
        var summary = ModelSummary.Of(model);

        Assert.Equal(summary.Layers.Single(l => l.Name == "features.conv1").Flops, ConvolutionShape.AlexNetConv1.FlopsPerImage);
    }

    [Fact]
    public void Padding_widens_the_output()
    {
        var padded = new ConvolutionShape(InChannels: 96, InputSide: 27, Filters: 256, Kernel: 5, Stride: 1, Padding: 2);
        Assert.Equal(27, padded.OutputSide);
    }
}
