using DeepCnn.Chapter;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Chapter;

public sealed class XavierTests
{
    [Fact]
    public void Weights_are_uniform_within_the_chapters_bound_and_biases_zero()
    {
        using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0, ImageSize = 224 }, 10);
        Xavier.Initialize(model, 2.24);
        var conv1 = model.named_parameters().Single(p => p.name == "features.conv1.weight").parameter;
        // conv1: fan in 3*11*11 = 363, fan out 96*11*11 = 11,616, so MXNet's bound is sqrt(2.24 / ((363 + 11616) / 2)).
        var bound = Math.Sqrt(2.24 / ((363 + 11616) / 2.0));
        using var scope = NewDisposeScope();
        Assert.InRange(conv1.abs().max().item<float>(), bound * 0.99, bound * 1.0001);
        // A uniform draw on [-b, b] has standard deviation b / sqrt(3).
        Assert.InRange(conv1.std().item<float>(), bound / Math.Sqrt(3) * 0.97, bound / Math.Sqrt(3) * 1.03);
        var biases = model.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, biases.Count); // five convolutions, three dense layers
        Assert.All(biases, p => Assert.Equal(0f, p.parameter.abs().sum().item<float>()));
    }

    [Fact]
    public void The_same_seed_gives_the_same_network()
    {
        static Tensor Fc8(int seed)
        {
            manual_seed(seed);
            using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = 224 }, 10);
            Xavier.Initialize(model, 2.24);
            return model.named_parameters().Single(p => p.name == "classifier.fc8.weight").parameter.detach().clone();
        }

        using var a = Fc8(7);
        using var b = Fc8(7);
        using var c = Fc8(8);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.False(a.allclose(c, rtol: 0, atol: 0));
    }
}
