namespace DeepCnn.Models;

/// <summary>
/// The spatial arithmetic of a variant's feature layers (kernel, stride, padding of each convolution and pooling), so
/// options can be checked before a network is built. A test keeps it in step with notebook 04's network.
/// </summary>
/// <param name="Layers">Each spatial layer in order: (kernel, stride, padding).</param>
public sealed record AlexNetLayout(IReadOnlyList<(int Kernel, int Stride, int Padding)> Layers)
{
    /// <summary>The layout of <paramref name="variant"/>: conv1, pool1, conv2, pool2, conv3, conv4, conv5, pool5.</summary>
    public static AlexNetLayout Of(AlexNetVariant variant) => variant == AlexNetVariant.Classic
        ? new([(11, 4, 1), (3, 2, 0), (5, 1, 2), (3, 2, 0), (3, 1, 1), (3, 1, 1), (3, 1, 1), (3, 2, 0)])
        : new([(11, 4, 0), (3, 2, 0), (5, 1, 0), (3, 2, 0), (3, 1, 0), (3, 1, 0), (3, 1, 0), (3, 2, 0)]);

    /// <summary>The side after the last layer for an input of side <paramref name="side"/> (0 or less: nothing left).</summary>
    public int OutputSide(int side)
    {
        foreach (var (kernel, stride, padding) in Layers)
        {
            var padded = side + 2 * padding;
            if (padded < kernel)
            {
                return 0;
            }

            side = (padded - kernel) / stride + 1;
        }

        return side;
    }

    /// <summary>The smallest input side that leaves at least one position after the last layer.</summary>
    public int MinInputSide()
    {
        var side = 1;
        while (OutputSide(side) < 1)
        {
            side++;
        }

        return side;
    }
}
