using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Models;

/// <summary>
/// Xavier (Glorot) initialisation as the chapter's framework defines it: weights uniform in [-s, s] with
/// s = sqrt(magnitude / ((fanIn + fanOut) / 2)), biases zero. Magnitude 3 is Glorot's original; the chapter used 2.24.
/// </summary>
public static class XavierInit
{
    /// <summary>The magnitude the chapter used.</summary>
    public const double ChapterMagnitude = 2.24;

    /// <summary>Re-initialises every convolution and dense layer of <paramref name="model"/>, reproducibly for a seed.</summary>
    public static void Apply(nn.Module model, double magnitude = ChapterMagnitude, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(magnitude);
        using var generator = new Generator(unchecked((ulong)seed));
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            var (weight, bias) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias),
                Linear linear => (linear.weight, linear.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }

            // weight is [out, in, kh, kw] or [out, in]: the receptive field multiplies both fans.
            var receptive = weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            var fanIn = weight.shape[1] * receptive;
            var fanOut = weight.shape[0] * receptive;
            var scale = Math.Sqrt(magnitude / ((fanIn + fanOut) / 2.0));
            // Drawn from our own generator, so the same seed gives the same network whatever ran before.
            using var draw = rand(weight.shape, generator: generator);
            weight.copy_(draw.mul_(2 * scale).sub_(scale));
            bias?.zero_();
        }
    }
}
