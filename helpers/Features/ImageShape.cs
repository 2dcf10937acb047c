using static TorchSharp.torch;

namespace DeepCnn.Features;

/// <summary>Checks that a tensor is a batch of colour images, N x 3 x H x W, before any feature maths runs on it.</summary>
internal static class ImageShape
{
    public static (long Count, long Height, long Width) Require(Tensor images, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(images, parameterName);
        if (images.dim() != 4 || images.shape[1] != 3)
        {
            throw new ArgumentException(
                $"Images of shape [{string.Join(", ", images.shape)}]; expected N x 3 x H x W (R, G, B planes).", parameterName);
        }

        if (images.dtype != ScalarType.Byte && !images.is_floating_point())
        {
            throw new ArgumentException(
                $"Images of type {images.dtype}; expected uint8 or a floating-point type holding 0..255.", parameterName);
        }

        return (images.shape[0], images.shape[2], images.shape[3]);
    }
}
