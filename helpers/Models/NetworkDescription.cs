using System.Globalization;
using static TorchSharp.torch;

namespace DeepCnn.Models;

/// <summary>
/// What a network is, without its weights: its type and every trainable tensor's name and shape. A checkpoint stores it,
/// so that a network that does not fit can be told exactly where it differs.
/// </summary>
/// <param name="Type">The network's class name (AlexNet).</param>
/// <param name="Parameters">Every trainable tensor, in registration order.</param>
public sealed record NetworkDescription(string Type, IReadOnlyList<ParameterShape> Parameters)
{
    /// <summary>All trainable values.</summary>
    public long TotalParameters => Parameters.Sum(p => p.Count);

    /// <summary>Describes <paramref name="model"/>.</summary>
    public static NetworkDescription Of(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new NetworkDescription(model.GetType().Name,
            model.named_parameters().Select(p => new ParameterShape(p.name, p.parameter.shape)).ToList());
    }

    /// <summary>The width of each layer that has weights, as "conv1 96, conv2 192, ..., fc8 10": what an edit to the network changes.</summary>
    public string Widths() => string.Join(", ", Parameters
        .Where(p => p.Name.EndsWith(".weight", StringComparison.Ordinal) && p.Shape.Length > 0)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{LayerName(p.Name)} {p.Shape[0]}")));

    /// <summary>
    /// Where <paramref name="other"/> (this network as built now) first differs from this description (a saved one), in
    /// words such as "conv2: the checkpoint has 128 output channels, this network 192"; null when they match.
    /// </summary>
    public string? FirstDifference(NetworkDescription other, string saved = "the checkpoint", string built = "this network")
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var mine in Parameters)
        {
            if (!theirs.TryGetValue(mine.Name, out var now))
            {
                return $"{LayerName(mine.Name)}: {saved} has {mine.Name} ({mine.ShapeText}), {built} has no such tensor";
            }

            if (!mine.Shape.SequenceEqual(now.Shape))
            {
                return $"{LayerName(mine.Name)}: {saved} has {ShapeInWords(mine, now, saved, built)} ({mine.Name}: {mine.ShapeText} in {saved}, {now.ShapeText} in {built})";
            }
        }

        var extra = other.Parameters.FirstOrDefault(p => Parameters.All(mine => mine.Name != p.Name));
        return extra is null ? null : $"{LayerName(extra.Name)}: {built} has {extra.Name} ({extra.ShapeText}), {saved} has no such tensor";
    }

    // "features.conv2.weight" -> "conv2".
    private static string LayerName(string parameter)
    {
        var parts = parameter.Split('.');
        return parts.Length >= 2 ? parts[^2] : parts[0];
    }

    // Which dimension differs, named as a reader thinks of it: output or input channels of a convolution (4-D weight),
    // output or input features of a dense layer (2-D weight), the kernel's size, or just the sizes.
    private static string ShapeInWords(ParameterShape saved, ParameterShape now, string savedName, string builtName)
    {
        var (a, b) = (saved.Shape, now.Shape);
        if (a.Length != b.Length)
        {
            return $"{a.Length} dimensions, {builtName} {b.Length}";
        }

        var unit = a.Length == 4 ? "channels" : "features";
        var which = Enumerable.Range(0, a.Length).First(i => a[i] != b[i]);
        var what = (a.Length, which) switch
        {
            (4 or 2, 0) => $"output {unit}",
            (4 or 2, 1) => $"input {unit}",
            (4, _) => "kernel size",
            (1, 0) => "values",
            _ => $"size in dimension {which}",
        };
        return what == "kernel size"
            ? $"a {a[2]}x{a[3]} kernel, {builtName} {b[2]}x{b[3]}"
            : string.Create(CultureInfo.InvariantCulture, $"{a[which]} {what}, {builtName} {b[which]}");
    }
}
