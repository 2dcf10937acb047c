using System.Diagnostics;
using DeepCnn.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Benchmarks;

/// <summary>
/// Times one training step of an AlexNet (the chapter's, from <c>DeepCnn.Chapter</c>) layer by layer. Forward: the top-level layers of features and
/// classifier are called one by one on the real graph, each timed. Backward: the graph is cut at every layer input
/// (detached, made a leaf that wants a gradient), so each piece's backward is its own call, timed alone: the loss
/// first, then each layer from the last, fed the gradient its successor produced. Nothing is interleaved or double
/// counted, and the pieces add up to a full step. A layer that works in place (ReLU here) cannot start a piece of its
/// own (an in-place change of a leaf is not allowed, and autograd fuses it with its producer anyway), so its backward
/// is counted in the layer before it.
/// </summary>
public static class LayerProfiler
{
    /// <summary>The method, in one sentence, for the report.</summary>
    public const string Method =
        "each top-level layer's forward timed on the real graph; backward timed piece by piece on a graph cut at every layer input " +
        "(each piece fed the gradient of the next); in-place ReLU backward counted in the layer before it";

    /// <summary>
    /// Profiles one step of <paramref name="model"/> on <paramref name="images"/>/<paramref name="labels"/> with
    /// <paramref name="optimizer"/> (after one untimed step when <paramref name="warmup"/>): zero_grad (to none),
    /// forward, cross-entropy, backward, optimiser step, as the trainer does.
    /// </summary>
    public static LayerProfile Profile(nn.Module<Tensor, Tensor> model, AlexNetVariant variant, optim.Optimizer optimizer, Tensor images, Tensor labels,
        bool warmup = true)
    {
        var summary = ModelSummary.Of(model, (int)images.shape[^1]);
        var layers = Layers(model);
        var perImage = summary.Layers.ToDictionary(l => l.Name);
        var device = images.device;
        if (warmup)
        {
            Step(model, optimizer, images, labels, layers, device);
        }

        var (forward, backward, extras) = Step(model, optimizer, images, labels, layers, device);
        var batch = (int)images.shape[0];
        var rows = layers.Select((layer, i) => new LayerTiming(layer.Name, perImage[layer.Name].Kind, forward[i], backward[i],
            perImage[layer.Name].Flops * batch)).ToList();
        return new LayerProfile("C#", variant, batch, rows, extras.ZeroGrad, extras.LossForward, extras.LossBackward,
            extras.OptimizerStep, extras.Step, Method);
    }

    /// <summary>The innermost layers in order (features then classifier), named as <see cref="ModelSummary"/> names them.</summary>
    public static IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module, bool InPlace)> Layers(nn.Module model) =>
        ModelSummary.Leaves(model).Select(c => (c.Name, c.Layer, c.Layer is ReLU { inplace: true } or Dropout { inplace: true })).ToList();

    private static (double[] Forward, double?[] Backward, Extras Extras) Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor images,
        Tensor labels, IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module, bool InPlace)> layers, Device device)
    {
        using var scope = NewDisposeScope();
        model.train();
        var forward = new double[layers.Count];
        var backward = new double?[layers.Count];
        var pieces = new List<(int First, Tensor Input, Tensor Output)>();
        var stepStart = Now(device);
        model.zero_grad(set_to_none: true);
        var zeroGrad = Since(stepStart, device);

        var x = images;
        for (var i = 0; i < layers.Count; i++)
        {
            if (!layers[i].InPlace || pieces.Count == 0)
            {
                // The first layer's input is the batch itself, which needs no gradient, as in a real step.
                var input = i == 0 ? x : x.detach().requires_grad_(true);
                pieces.Add((i, input, input));
                x = input;
            }

            var start = Now(device);
            x = layers[i].Module.call(x);
            forward[i] = Since(start, device);
            pieces[^1] = pieces[^1] with { Output = x };
        }

        var logits = x.detach().requires_grad_(true);
        var lossStart = Now(device);
        var loss = nn.functional.cross_entropy(logits, labels);
        var lossForward = Since(lossStart, device);
        var lossBackwardStart = Now(device);
        loss.backward();
        var lossBackward = Since(lossBackwardStart, device);

        var gradient = logits.grad ?? throw new InvalidOperationException("The loss produced no gradient for the logits.");
        for (var p = pieces.Count - 1; p >= 0; p--)
        {
            var (first, input, output) = pieces[p];
            var start = Now(device);
            output.backward([gradient]);
            backward[first] = Since(start, device);
            if (p > 0)
            {
                gradient = input.grad ?? throw new InvalidOperationException($"Layer {layers[first].Name} passed no gradient to its input.");
            }
        }

        var stepStart2 = Now(device);
        optimizer.step();
        var optimizerStep = Since(stepStart2, device);
        var step = Since(stepStart, device);
        return (forward, backward, new Extras(zeroGrad, lossForward, lossBackward, optimizerStep, step));
    }

    private static long Now(Device device)
    {
        Synchronize(device);
        return Stopwatch.GetTimestamp();
    }

    private static double Since(long start, Device device)
    {
        Synchronize(device);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static void Synchronize(Device device)
    {
        // GPU calls return before the work is done; the clock must wait for it.
        if (device.type == TorchSharp.DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }

    private sealed record Extras(double ZeroGrad, double LossForward, double LossBackward, double OptimizerStep, double Step);
}
