// Saved from notebooks/05-training.ipynb (cell b8cb9786, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class Minibatch
{
    // One step of minibatch SGD; returns the batch's mean loss.
    public static double Step(Module<Tensor, Tensor> net, Module<Tensor, Tensor, Tensor> lossFunction,
        optim.Optimizer optimizer, Batch batch)
    {
        using var scope = NewDisposeScope();   // frees this step's tensors when it ends: memory stays flat
        net.zero_grad();                       // forget the previous step's gradients
        var loss = lossFunction.call(net.call(batch.Images), batch.Labels);   // forward: class scores, then the loss
        loss.backward();                       // the gradient of the loss for every weight
        optimizer.step();                      // move every weight a little against its gradient
        return loss.item<float>();
    }
}
