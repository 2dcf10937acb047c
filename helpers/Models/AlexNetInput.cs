namespace DeepCnn.Models;

/// <summary>The input AlexNet was designed for: 224x224 colour images, the size of ImageNet's crops; and the limits on it.</summary>
public static class AlexNetInput
{
    /// <summary>Side of the input image in pixels.</summary>
    public const int Side = 224;

    /// <summary>The smallest side any input may have: CIFAR's own 32 (images are only ever upsampled).</summary>
    public const int MinSide = 32;

    /// <summary>The largest input side; a batch of 64 at 1024x1024 is already 800 MB of input alone.</summary>
    public const int MaxSide = 1024;

    /// <summary>The largest scale a setting may take: what a float32 (libtorch's type for them) can hold.</summary>
    public const double MaxScale = float.MaxValue;
}
