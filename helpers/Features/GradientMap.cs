namespace DeepCnn.Features;

/// <summary>
/// Per-pixel gradients of one image, as plain arrays indexed [row, column] for plotting "image beside its
/// gradient-orientation map".
/// </summary>
/// <param name="Gray">Luminance, 0..1.</param>
/// <param name="Magnitude">Gradient length, in luminance units per pixel (central differences span two pixels, so up to 1).</param>
/// <param name="OrientationDegrees">
/// Unsigned gradient direction, 0..180 degrees counter-clockwise from "brighter to the right" (0 = vertical edge,
/// 90 = horizontal edge); meaningless where <paramref name="Magnitude"/> is 0.
/// </param>
public sealed record GradientMap(float[,] Gray, float[,] Magnitude, float[,] OrientationDegrees)
{
    /// <summary>Rows of the image.</summary>
    public int Height => Gray.GetLength(0);

    /// <summary>Columns of the image.</summary>
    public int Width => Gray.GetLength(1);
}
