// Saved from notebooks/05-training.ipynb (cell 03726ccb, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class TrainingLoop
{
    // The chapter's loop: epochs of SGD with its moving-average loss, then training and test accuracy.
    public static void Run(Module<Tensor, Tensor> net, Module<Tensor, Tensor, Tensor> lossFunction,
        optim.Optimizer optimizer, TrainingRun run)
    {
        var smoothing = run.Options.LossSmoothing;
        var movingLoss = run.MovingLoss;       // carried over when a stopped run goes on
        foreach (var epoch in run.Epochs())
        {
            net.train();                       // dropout on while training
            foreach (var batch in run.TrainBatches(epoch))
            {
                var loss = Minibatch.Step(net, lossFunction, optimizer, batch);
                // The chapter's moving average: the very first loss, then 1% of each new one.
                movingLoss = run.Steps == 0 ? loss : (1 - smoothing) * movingLoss + smoothing * loss;
                run.EndStep(loss, movingLoss);   // progress bar and live chart; stops if the loss diverges
            }

            var trainAccuracy = Accuracy.Of(net, run.TrainSample());
            var testAccuracy = Accuracy.Of(net, run.TestBatches());
            run.EndEpoch(net, optimizer, trainAccuracy, testAccuracy);   // history, checkpoint
        }
    }
}
