using DeepCnn.Models;
using DeepCnn.Plotting;
using static TorchSharp.torch;

namespace DeepCnn.Figures;

/// <summary>Pictures of the network: where parameters and compute sit, and what the first layer's filters look like.</summary>
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

    /// <summary>The 96 first-layer filters (3x11x11 each), each stretched to its own range, as a 12x8 grid.</summary>
    public static Figure FirstLayerFilters(AlexNet model, string title)
    {
        using var scope = NewDisposeScope();
        var conv1 = model.Features.named_children().First(c => c.name == "conv1").module;
        var weight = conv1.parameters().First().detach().to(CPU);
        var cells = Enumerable.Range(0, (int)weight.shape[0]).Select(i => (RgbImage.FromTensor(weight[i]), "")).ToList();
        return ImageGrid.Render(title, cells, columns: 12, cellSize: 44);
    }

    /// <summary>The side of the feature map after every convolution and pooling layer, one bar per network.</summary>
    public static Figure SpatialSizes(IReadOnlyList<(string Name, ModelSummary Summary)> networks)
    {
        static bool Shapes(LayerSummary l) => l.Name.StartsWith("features.", StringComparison.Ordinal) && !l.Name.Contains("relu", StringComparison.Ordinal);
        var names = networks[0].Summary.Layers.Where(Shapes).Select(l => l.Name.Split('.')[1]).ToList();
        return Charts.GroupedBars("Feature-map side after each layer (pixels)", names,
            networks.Select(n => (n.Name, n.Summary.Layers.Where(Shapes).Select(l => (double)l.OutputShape[2]).ToArray())).ToList(),
            "pixels per side");
    }

    /// <summary>
    /// Standard deviation of each layer's output for random input, at initialisation: how strongly a signal
    /// still reaches the output. With ReLUs and Xavier's scale it shrinks layer by layer, which is why training
    /// starts slowly.
    /// </summary>
    public static Figure ActivationScale(AlexNet model, string title, int batch = 8)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        var x = randn(batch, 3, AlexNet.InputSide, AlexNet.InputSide);
        var names = new List<string>();
        var scales = new List<double>();
        foreach (var (name, layer) in model.Features.named_children().Concat(model.Classifier.named_children()))
        {
            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
            if (name.StartsWith("conv", StringComparison.Ordinal) || name.StartsWith("fc", StringComparison.Ordinal))
            {
                names.Add(name);
                scales.Add(x.std().item<float>());
            }
        }

        model.train(wasTraining);
        return Charts.Bars(title, names, scales, "std of the layer's output", "G3");
    }
}
