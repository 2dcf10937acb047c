// Saved from notebooks/05-training.ipynb (cell 40bd2760, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Models;
using DeepCnn.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public static class Setup
{
    // The chapter's recipe: a seeded AlexNet with Xavier's initialisation, softmax cross-entropy, and SGD.
    public static (AlexNet Net, Module<Tensor, Tensor, Tensor> Loss, optim.Optimizer Optimizer) Create(
        AlexNetConfig config, int classes, TrainingOptions options, Device device)
    {
        manual_seed(options.Seed);                 // the same initial weights (and dropout masks) every time
        var net = new AlexNet(config, classes);
        Xavier.Initialize(net, config.XavierMagnitude);
        net.to(device);
        var loss = CrossEntropyLoss();             // the chapter's SoftmaxCrossEntropyLoss
        var optimizer = optim.SGD(net.parameters(), options.LearningRate,
            momentum: options.Momentum, weight_decay: options.WeightDecay);
        return (net, loss, optimizer);
    }
}
