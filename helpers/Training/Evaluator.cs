using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>Runs a model over batches in eval mode without building a graph.</summary>
public static class Evaluator
{
    /// <summary>Predicts every image the loader yields (up to <paramref name="limit"/> images).</summary>
    public static Predictions Predict(
        nn.Module<Tensor, Tensor> model, BatchLoader loader, int? limit = null,
        Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var wasTraining = model.training;
        model.eval();
        var indices = new List<int>();
        var actual = new List<int>();
        var predicted = new List<int>();
        var confidence = new List<float>();
        try
        {
            using var noGrad = no_grad();
            var batches = loader.IndexBatches().ToList();
            var total = loader.BatchesFor(limit);
            for (var b = 0; b < total; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var batch = loader.Load(batches[b]);
                var probabilities = nn.functional.softmax(model.call(batch.Images), 1);
                var (best, arg) = probabilities.max(1);
                predicted.AddRange(arg.to(CPU).data<long>().Select(x => (int)x));
                confidence.AddRange(best.to(CPU).data<float>());
                indices.AddRange(batch.Indices);
                actual.AddRange(batch.Indices.Select(i => (int)loader.Split.Labels[i]));
                progress?.Invoke(b + 1, total);
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return new Predictions([.. indices], [.. actual], [.. predicted], [.. confidence]);
    }
}
