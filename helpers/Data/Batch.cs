using static TorchSharp.torch;

namespace DeepCnn.Data;

/// <summary>A batch of network inputs (N x 3 x side x side, normalised) and labels (N, int64); dispose it after use.</summary>
public sealed class Batch(Tensor images, Tensor labels, int[] indices) : IDisposable
{
    /// <summary>Normalised images on the target device.</summary>
    public Tensor Images { get; } = images;

    /// <summary>Class indices (int64) on the target device.</summary>
    public Tensor Labels { get; } = labels;

    /// <summary>Which images of the split this batch holds.</summary>
    public int[] Indices { get; } = indices;

    /// <summary>Number of images.</summary>
    public int Count => Indices.Length;

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
