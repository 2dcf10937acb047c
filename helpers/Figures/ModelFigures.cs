using System.Globalization;
using DeepCnn.Models;
using DeepCnn.Plotting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Figures;

/// <summary>Pictures of a network: where parameters and compute sit, and what its first layer's filters look like.</summary>
public static class ModelFigures
{
    /// <summary>Each weighted layer's share of all parameters and of all forward FLOPs.</summary>
    public static Figure LayerCosts(ModelSummary summary, string title)
    {
        var layers = summary.Layers.Where(l => l.Parameters > 0).ToList();
        return Charts.GroupedBars(title, layers.Select(l => l.Name.Split('.')[^1]).ToList(),
        [
            ("% of parameters", layers.Select(l => 100.0 * l.Parameters / summary.TotalParameters).ToArray()),
            ("% of forward FLOPs", layers.Select(l => 100.0 * l.Flops / summary.ForwardFlops).ToArray()),
        ], "% of the network's total");
    }

    /// <summary>The filters of the network's first convolution (3 x k x k each), each stretched to its own range, in rows of 12.</summary>
    public static Figure FirstLayerFilters(nn.Module model, string title)
    {
        using var scope = NewDisposeScope();
        var weight = FirstConvolution(model).weight!.detach().to(CPU);
        var cells = Enumerable.Range(0, (int)weight.shape[0]).Select(i => (RgbImage.FromTensor(weight[i]), "")).ToList();
        return ImageGrid.Render(title, cells, columns: 12, cellSize: 44);
    }

    /// <summary>
    /// How far training moved each first-layer filter: the size of (trained - initial) relative to the initial filter,
    /// as the median over filters. Near 0 means the filters are still essentially their random start.
    /// </summary>
    public static double FirstLayerChange(nn.Module initial, nn.Module trained)
    {
        using var scope = NewDisposeScope();
        var before = FirstConvolution(initial).weight!.detach().to(CPU).flatten(1);
        var after = FirstConvolution(trained).weight!.detach().to(CPU).flatten(1);
        if (!before.shape.SequenceEqual(after.shape))
        {
            throw new ArgumentException($"The first layers differ in shape ({string.Join('x', before.shape)} and {string.Join('x', after.shape)}).", nameof(trained));
        }

        var relative = (after - before).square().sum(1).sqrt() / before.square().sum(1).sqrt().clamp_min(1e-12);
        return relative.median().item<float>();
    }

    /// <summary>One line for a reader: how much the first layer changed, in words that match what the filter pictures show.</summary>
    public static string DescribeFirstLayerChange(double change)
    {
        var meaning = change switch
        {
            < 0.1 => "they are still essentially the random noise they started as",
            < 0.5 => "the random start still dominates, with the first traces of structure",
            _ => "training has replaced much of the random start",
        };
        return string.Create(CultureInfo.InvariantCulture, $"The first-layer filters moved by {change:P0} of their initial size (median over filters): {meaning}.");
    }

    /// <summary>The side of the feature map after every convolution and pooling layer, one bar group per network.</summary>
    public static Figure SpatialSizes(IReadOnlyList<(string Name, ModelSummary Summary)> networks)
    {
        static bool Shapes(LayerSummary l) => l.OutputShape.Length == 4 && !l.Kind.StartsWith("ReLU", StringComparison.Ordinal);
        var names = networks[0].Summary.Layers.Where(Shapes).Select(l => l.Name.Split('.')[^1]).ToList();
        return Charts.GroupedBars("Feature-map side after each layer (pixels)", names,
            networks.Select(n => (n.Name, n.Summary.Layers.Where(Shapes).Select(l => (double)l.OutputShape[2]).ToArray())).ToList(),
            "pixels per side");
    }

    /// <summary>
    /// The standard deviation of random unit-variance input ("input") and of each weighted layer's output, for a batch
    /// of <paramref name="batch"/> images: how strongly a signal reaches each layer of a freshly initialised network.
    /// </summary>
    public static IReadOnlyList<(string Layer, double Scale)> ActivationScales(nn.Module<Tensor, Tensor> model, int imageSize = AlexNetInput.Side, int batch = 8)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            var x = randn(batch, 3, imageSize, imageSize);
            var scales = new List<(string, double)> { ("input", x.std().item<float>()) };
            foreach (var (name, layer) in ModelSummary.Leaves(model))
            {
                x = layer.call(x);
                if (layer is Conv2d or Linear)
                {
                    scales.Add((name.Split('.')[^1], x.std().item<float>()));
                }
            }

            return scales;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// Activation scales as grouped bars, one group per layer and one bar per initialisation, on a logarithmic axis
    /// (they span orders of magnitude).
    /// </summary>
    public static Figure ActivationScale(string title, IReadOnlyList<(string Name, IReadOnlyList<(string Layer, double Scale)> Scales)> initialisations)
    {
        ArgumentNullException.ThrowIfNull(initialisations);
        var layers = initialisations[0].Scales.Select(s => s.Layer).ToList();
        return Charts.GroupedBars(title, layers, initialisations.Select(i => (i.Name, i.Scales.Select(s => s.Scale).ToArray())).ToList(),
            "std of the output (log scale)", logScale: true);
    }

    private static Conv2d FirstConvolution(nn.Module model) =>
        model.modules().OfType<Conv2d>().FirstOrDefault() ?? throw new ArgumentException("The network has no convolution.", nameof(model));
}
