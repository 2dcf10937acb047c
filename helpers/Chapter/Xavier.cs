// Saved from notebooks/04-alexnet.ipynb (cell eb17b6d4, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class Xavier
{
    // Uniform in ±√(magnitude / fan), the fan averaging a layer's inputs and outputs (MXNet's
    // Xavier(magnitude); PyTorch and TorchSharp write it with the gain √(magnitude / 3)); biases start at zero.
    public static void Initialize(Module<Tensor, Tensor> net, double magnitude)
    {
        foreach (var (name, parameter) in net.named_parameters())
        {
            if (name.EndsWith("weight", StringComparison.Ordinal))
                init.xavier_uniform_(parameter, gain: Math.Sqrt(magnitude / 3));
            else
                init.zeros_(parameter);
        }
    }
}
