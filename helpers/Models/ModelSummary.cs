using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Models;

/// <summary>
/// Per-layer output shapes, parameters and forward FLOPs, found by pushing one blank image through the layers (the
/// way d2l shows a network: watch the shape change rather than be told). Works for any network whose forward pass runs
/// its innermost layers one after the other in the order they were registered, as every <c>Sequential</c> does.
/// </summary>
public sealed record ModelSummary(IReadOnlyList<LayerSummary> Layers, long[] InputShape)
{
    /// <summary>All trainable parameters.</summary>
    public long TotalParameters => Layers.Sum(l => l.Parameters);

    /// <summary>Forward FLOPs per image.</summary>
    public long ForwardFlops => Layers.Sum(l => l.Flops);

    /// <summary>
    /// Training FLOPs per image: forward plus backward, where backward costs about twice the forward (one product
    /// for the gradient of the input, one for the gradient of the weights). An estimate, as every framework uses.
    /// </summary>
    public long TrainingFlops => 3 * ForwardFlops;

    /// <summary>Parameters of the layers whose name starts with <paramref name="prefix"/> (e.g. "classifier.").</summary>
    public long ParametersIn(string prefix) => Layers.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).Sum(l => l.Parameters);

    /// <summary>Forward FLOPs per image of the layers whose name starts with <paramref name="prefix"/> (e.g. "features.").</summary>
    public long FlopsIn(string prefix) => Layers.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).Sum(l => l.Flops);

    /// <summary>The innermost layers of <paramref name="model"/> in registration order, with their dotted names.</summary>
    public static IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> Leaves(nn.Module model) =>
        model.named_modules()
            .Where(m => m.name.Length > 0 && !m.module.children().Any())
            .Select(m => (m.name, m.module as nn.Module<Tensor, Tensor>
                ?? throw new ArgumentException($"Layer '{m.name}' ({m.module.GetType().Name}) does not map one tensor to one tensor.", nameof(model))));

    /// <summary>Summarises <paramref name="model"/> for one 3 x <paramref name="side"/> x <paramref name="side"/> image.</summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, int side = AlexNetInput.Side)
    {
        var layers = new List<LayerSummary>();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            var x = zeros([1, 3, side, side], device: device);
            foreach (var (name, layer) in Leaves(model))
            {
                var input = x;
                x = layer.call(input);
                var parameters = layer.parameters().Sum(p => p.numel());
                layers.Add(new LayerSummary(name, Describe(layer), x.shape, parameters, Flops(layer, x)));
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return new ModelSummary(layers, [1, 3, side, side]);
    }

    private static long Flops(nn.Module layer, Tensor output) => layer switch
    {
        // Each output element of a convolution is a dot product over inChannels x kh x kw inputs.
        Conv2d conv => 2L * conv.weight!.shape.Skip(1).Aggregate(1L, (a, b) => a * b) * output.numel(),
        Linear linear => 2L * linear.weight!.shape[1] * output.numel(),
        _ => 0L,
    };

    private static string Describe(nn.Module layer) => layer switch
    {
        Conv2d conv => $"Conv2d {conv.weight!.shape[1]}->{conv.weight.shape[0]}, {conv.weight.shape[2]}x{conv.weight.shape[3]}"
                       + $", stride {conv.stride[0]}, padding {PaddingOf(conv)}",
        MaxPool2d pool => $"MaxPool2d {pool.kernel_size[0]}x{pool.kernel_size[^1]}, stride {(pool.stride ?? pool.kernel_size)[0]}",
        Linear linear => $"Linear {linear.weight!.shape[1]}->{linear.weight.shape[0]}",
        Dropout dropout => string.Create(CultureInfo.InvariantCulture, $"Dropout p={dropout.p}"),
        _ => layer.GetType().Name,
    };

    private static string PaddingOf(Conv2d conv) => conv.padding is { } padding ? padding[0].ToString(CultureInfo.InvariantCulture) : "0";
}
