using static TorchSharp.torch;

namespace DeepCnn.Models;

/// <summary>Asks layers what they make of an image, instead of working the arithmetic out by hand.</summary>
public static class ShapeProbe
{
    /// <summary>
    /// How many numbers <paramref name="layers"/> turn one 3 x <paramref name="imageSize"/> x <paramref name="imageSize"/>
    /// image into: the inputs the first dense layer after them needs. Fails, naming the size, when the layers shrink
    /// the image to nothing.
    /// </summary>
    public static long FlatSize(nn.Module<Tensor, Tensor> layers, int imageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        try
        {
            return layers.call(zeros(1, 3, imageSize, imageSize)).numel();
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize,
                $"A {imageSize}x{imageSize} image is too small for these layers: they shrink it to nothing ({e.Message.Split('\n')[0]}).");
        }
    }
}
