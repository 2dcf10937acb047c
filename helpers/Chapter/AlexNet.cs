// Saved from notebooks/04-alexnet.ipynb (cell 8f2945fe, marked // @save). Edit the cell there, then run
// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.
using DeepCnn.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Chapter;

public sealed class AlexNet : Module<Tensor, Tensor>
{
    private readonly Sequential features, classifier;
    public AlexNet(AlexNetConfig config, int classes) : base(nameof(AlexNet))
    {
        // The classic variant differs only here: padded convolutions and a wider conv2.
        var (width2, pad1, pad2, pad3) = config.Variant == AlexNetVariant.Classic ? (256, 1, 2, 1) : (192, 0, 0, 0);
        features = Sequential(
            ("conv1", Conv2d(3, 96, kernel_size: 11, stride: 4, padding: pad1)), ("relu1", ReLU(inplace: true)),
            ("pool1", MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv2", Conv2d(96, width2, kernel_size: 5, padding: pad2)), ("relu2", ReLU(inplace: true)),
            ("pool2", MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv3", Conv2d(width2, 384, kernel_size: 3, padding: pad3)), ("relu3", ReLU(inplace: true)),
            ("conv4", Conv2d(384, 384, kernel_size: 3, padding: pad3)), ("relu4", ReLU(inplace: true)),
            ("conv5", Conv2d(384, 256, kernel_size: 3, padding: pad3)), ("relu5", ReLU(inplace: true)),
            ("pool5", MaxPool2d(kernel_size: 3, stride: 2)));
        classifier = Sequential(("flatten", Flatten()),
            ("fc6", Linear(ShapeProbe.FlatSize(features, config.ImageSize), 4096)), ("relu6", ReLU(inplace: true)),
            ("drop6", Dropout(config.Dropout)), ("fc7", Linear(4096, 4096)), ("relu7", ReLU(inplace: true)),
            ("drop7", Dropout(config.Dropout)), ("fc8", Linear(4096, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();   // frees the feature maps once the class scores exist
        return classifier.call(features.call(images)).MoveToOuterDisposeScope();
    }
}
