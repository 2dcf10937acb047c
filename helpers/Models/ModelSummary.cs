using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Models;

/// <summary>
/// Per-layer output shapes, parameters and forward FLOPs, found by pushing one dummy image through the layers
/// (the way d2l shows a network: watch the shape change rather than be told).
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

    /// <summary>Summarises <paramref name="model"/> for one 3 x <paramref name="side"/> x <paramref name="side"/> image.</summary>
    public static ModelSummary Of(AlexNet model, int side = AlexNet.InputSide)
    {
        var layers = new List<LayerSummary>();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = model.parameters().First().device;
            var x = zeros([1, 3, side, side], device: device);
            foreach (var (part, sequential) in new[] { ("features", model.Features), ("classifier", model.Classifier) })
            {
                foreach (var (name, layer) in sequential.named_children())
                {
                    var input = x;
                    x = ((nn.Module<Tensor, Tensor>)layer).call(input);
                    var parameters = layer.parameters().Sum(p => p.numel());
                    layers.Add(new LayerSummary($"{part}.{name}", Describe(layer), x.shape, parameters, Flops(layer, input, x)));
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return new ModelSummary(layers, [1, 3, side, side]);
    }

    private static long Flops(nn.Module layer, Tensor input, Tensor output) => layer switch
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
        MaxPool2d => "MaxPool2d 3x3, stride 2",
        Linear linear => $"Linear {linear.weight!.shape[1]}->{linear.weight.shape[0]}",
        Dropout dropout => $"Dropout p={dropout.p}",
        _ => layer.GetType().Name,
    };

    private static string PaddingOf(Conv2d conv) => conv.padding is { } padding ? padding[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
}
