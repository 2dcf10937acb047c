namespace DeepCnn.Models;

/// <summary>The input AlexNet was designed for: 224x224 colour images, the size of ImageNet's crops.</summary>
public static class AlexNetInput
{
    /// <summary>Side of the input image in pixels.</summary>
    public const int Side = 224;
}
