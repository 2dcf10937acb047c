namespace DeepCnn.Data;

/// <summary>Per-channel mean and standard deviation of pixel values scaled to [0, 1], used to normalise inputs.</summary>
public sealed record ChannelStats(float[] Mean, float[] Std)
{
    /// <summary>
    /// No scaling at all: a mean of 0 and a standard deviation of 1/255 turn (b / 255 - mean) / std back into the raw byte
    /// b, so the network sees 0..255, as the chapter's did.
    /// </summary>
    public static ChannelStats RawPixels { get; } = new([0f, 0f, 0f], [1 / 255f, 1 / 255f, 1 / 255f]);

    /// <summary>True for <see cref="RawPixels"/>: inputs stay in 0..255.</summary>
    public bool IsRaw => Mean.All(m => m == 0) && Std.All(s => s == 1 / 255f);

    /// <summary>Measures the statistics of a split (the training split: test data must not leak into preprocessing).</summary>
    public static ChannelStats Compute(CifarSplit split)
    {
        if (split.Count == 0)
        {
            throw new ArgumentException($"Split '{split.Name}' is empty; channel statistics need at least one image.", nameof(split));
        }

        const int plane = CifarLayout.Side * CifarLayout.Side;
        var sums = new double[CifarLayout.Channels];
        var squares = new double[CifarLayout.Channels];
        for (var i = 0; i < split.Count; i++)
        {
            var image = split.Image(i);
            for (var c = 0; c < CifarLayout.Channels; c++)
            {
                long sum = 0, square = 0;
                foreach (var b in image.Slice(c * plane, plane))
                {
                    sum += b;
                    square += b * b;
                }

                sums[c] += sum;
                squares[c] += square;
            }
        }

        var n = (double)split.Count * plane;
        var mean = sums.Select(s => s / n / 255).ToArray();
        var std = squares.Select((s, c) => Math.Sqrt(Math.Max(s / n / (255.0 * 255) - mean[c] * mean[c], 1e-12))).ToArray();
        return new ChannelStats(mean.Select(m => (float)m).ToArray(), std.Select(s => (float)s).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => IsRaw ? "none: raw 0..255 pixel values" :
        $"mean ({string.Join(", ", Mean.Select(m => m.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}), " +
        $"std ({string.Join(", ", Std.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))})";
}
