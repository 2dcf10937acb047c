// Saved from notebooks/05-training.ipynb (cell 03726ccb, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class TrainingLoop
{
    // The chapter's loop: epochs of minibatch SGD with its moving-average loss, training and test accuracy after
    // each, and a checkpoint of each. The monitor shows progress and stops on a stopped cell or a NaN loss.
    public static void Run(Module<Tensor, Tensor> net, Module<Tensor, Tensor, Tensor> lossFunction,
        optim.Optimizer optimizer, TrainingBatches batches, TrainingOptions options,
        TrainingRun run, TrainingMonitor monitor)
    {
        var smoothing = options.LossSmoothing;
        var (epoch, step, movingLoss) = monitor.Resume();   // 1, 0, NaN for a new run; else where it stopped
        for (; epoch <= options.Epochs; epoch++, step = 0)
        {
            net.train();                                     // dropout on while training
            foreach (var batch in batches.Train.Each(epoch, skip: step))   // each batch freed after its step
            {
                var loss = Minibatch.Step(net, lossFunction, optimizer, batch);
                // The chapter's moving average: the very first loss, then 1% of each new one.
                movingLoss = double.IsNaN(movingLoss) ? loss : (1 - smoothing) * movingLoss + smoothing * loss;
                monitor.Step(epoch, ++step, loss, movingLoss);
            }

            var trainAccuracy = Accuracy.Of(net, monitor.Measuring(batches.TrainSample));
            var testAccuracy = Accuracy.Of(net, monitor.Measuring(batches.Test));
            var result = monitor.EndEpoch(epoch, trainAccuracy, testAccuracy);
            run.Save(net, optimizer, result);                // checkpoint: this epoch, and the best one so far
        }
    }
}
