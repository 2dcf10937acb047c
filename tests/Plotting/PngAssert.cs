using DeepCnn.Plotting;

namespace DeepCnn.Tests.Plotting;

internal static class PngAssert
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The figure is a real PNG whose header states the figure's size.</summary>
    public static void IsPng(Figure figure)
    {
        Assert.True(figure.Png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG");
        var width = (figure.Png[16] << 24) | (figure.Png[17] << 16) | (figure.Png[18] << 8) | figure.Png[19];
        var height = (figure.Png[20] << 24) | (figure.Png[21] << 16) | (figure.Png[22] << 8) | figure.Png[23];
        Assert.Equal(figure.Width, width);
        Assert.Equal(figure.Height, height);
        Assert.StartsWith("data:image/png;base64,iVBOR", figure.DataUri);
    }
}
