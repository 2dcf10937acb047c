namespace DeepCnn.Models;

/// <summary>One layer of a <see cref="ModelSummary"/>.</summary>
/// <param name="Name">Path of the layer, e.g. "features.conv1".</param>
/// <param name="Kind">Its type and settings, e.g. "Conv2d 3->96, 11x11, stride 4".</param>
/// <param name="OutputShape">Output shape for a batch of one image.</param>
/// <param name="Parameters">Trainable parameters of this layer.</param>
/// <param name="Flops">Forward FLOPs for one image (a multiply-add counts as 2; only convolutions and dense layers count).</param>
public sealed record LayerSummary(string Name, string Kind, long[] OutputShape, long Parameters, long Flops)
{
    /// <summary>The output shape as "1x96x54x54".</summary>
    public string Shape => string.Join('x', OutputShape);
}
