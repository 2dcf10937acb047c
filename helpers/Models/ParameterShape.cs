namespace DeepCnn.Models;

/// <summary>One trainable tensor of a network: its dotted name (e.g. "features.conv2.weight") and shape.</summary>
public sealed record ParameterShape(string Name, long[] Shape)
{
    /// <summary>Number of values.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape as "192x96x5x5".</summary>
    public string ShapeText => string.Join('x', Shape);
}
