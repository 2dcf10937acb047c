using DeepCnn.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Features;

/// <summary>Turns the raw bytes of a <see cref="CifarSplit"/> into tensors for the hand-made feature functions.</summary>
public static class SplitTensors
{
    /// <summary>
    /// Images <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/> as a uint8 tensor
    /// N x 3 x 32 x 32 holding the bytes as they are (0..255); the features need no scaling or normalising.
    /// </summary>
    public static Tensor Images(CifarSplit split, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (start < 0 || count < 0 || start + count > split.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count),
                $"Images {start}..{start + count} of split '{split.Name}': expected a range inside 0..{split.Count}.");
        }

        // A copy, not a view of the split's array: an in-place op on the tensor must never change the data set.
        var bytes = split.Pixels.AsSpan(start * CifarLayout.ImageBytes, count * CifarLayout.ImageBytes).ToArray();
        return torch.tensor(bytes, [count, CifarLayout.Channels, CifarLayout.Side, CifarLayout.Side]);
    }

    /// <summary>One image's bytes (R, G, B planes of 32x32) as a uint8 tensor 1 x 3 x 32 x 32.</summary>
    public static Tensor Image(ReadOnlySpan<byte> image)
    {
        if (image.Length != CifarLayout.ImageBytes)
        {
            throw new ArgumentException(
                $"An image of {image.Length} bytes; expected {CifarLayout.ImageBytes} (R, G, B planes of {CifarLayout.Side}x{CifarLayout.Side}).",
                nameof(image));
        }

        return torch.tensor(image.ToArray(), [1, CifarLayout.Channels, CifarLayout.Side, CifarLayout.Side]);
    }

    /// <summary>The split's labels as an int64 tensor of length N (the dtype cross-entropy expects).</summary>
    public static Tensor Labels(CifarSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return torch.tensor(split.Labels.Select(label => (long)label).ToArray());
    }
}
