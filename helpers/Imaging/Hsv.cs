namespace DeepCnn.Imaging;

/// <summary>Hue-saturation-value colours, for drawing synthetic images and orientation maps.</summary>
internal static class Hsv
{
    /// <summary>RGB in [0, 1] of a hue in degrees (any value; it wraps), saturation and value in [0, 1].</summary>
    public static (double R, double G, double B) ToRgb(double hue, double saturation, double value)
    {
        hue = ((hue % 360) + 360) % 360;
        var chroma = value * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = value - chroma;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return (r + m, g + m, b + m);
    }
}
