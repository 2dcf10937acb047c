// Saved from notebooks/05-training.ipynb (cell 62cac08b, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class Accuracy
{
    // The fraction of images whose highest class score is the true class, in eval mode and without a graph.
    public static double Of(Module<Tensor, Tensor> net, IEnumerable<Batch> batches)
    {
        net.eval();                  // dropout off: every unit takes part
        using var noGrad = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            correct += net.call(batch.Images).argmax(1).eq(batch.Labels).sum().item<long>();
            total += batch.Count;
        }

        if (total == 0)
            throw new ArgumentException("There are no images to measure accuracy on.", nameof(batches));
        return (double)correct / total;
    }
}
