namespace DeepCnn.Data;

/// <summary>The standard CIFAR augmentation, done on raw bytes before the batch tensor exists.</summary>
internal static class Augmentation
{
    private const int Pad = 4;

    /// <summary>Copies <paramref name="source"/> shifted by up to 4 pixels (zero fill) and, half the time, mirrored.</summary>
    public static void CropAndFlip(ReadOnlySpan<byte> source, Span<byte> target, Random random)
    {
        const int side = CifarLayout.Side;
        var dx = random.Next(-Pad, Pad + 1);
        var dy = random.Next(-Pad, Pad + 1);
        var flip = random.Next(2) == 1;
        target.Clear();
        for (var c = 0; c < CifarLayout.Channels; c++)
        {
            var plane = c * side * side;
            for (var y = 0; y < side; y++)
            {
                var sy = y + dy;
                if (sy is < 0 or >= side)
                {
                    continue;
                }

                for (var x = 0; x < side; x++)
                {
                    var sx = (flip ? side - 1 - x : x) + dx;
                    if (sx is >= 0 and < side)
                    {
                        target[plane + y * side + x] = source[plane + sy * side + sx];
                    }
                }
            }
        }
    }
}
