using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepCnn.Models;

/// <summary>
/// AlexNet for 3x224x224 images: <c>features</c> (five convolutions, three overlapping 3x3/stride-2 max pools)
/// then <c>classifier</c> (two dense layers of 4096 and the output layer). <see cref="AlexNetVariant"/> picks
/// the chapter's layers or the classic padded ones.
/// </summary>
public sealed class AlexNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Sequential classifier;

    /// <summary>Builds the network; <paramref name="dropout"/> null means the variant's default (none for Chapter, 0.5 for Classic).</summary>
    public AlexNet(AlexNetVariant variant = AlexNetVariant.Chapter, int classCount = 10, double? dropout = null)
        : base(nameof(AlexNet))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var p = dropout ?? (variant == AlexNetVariant.Classic ? 0.5 : 0.0);
        if (p is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), p, "Dropout is a probability in [0, 1).");
        }

        Variant = variant;
        ClassCount = classCount;
        Dropout = p;
        // Padding is what separates the two variants' convolutions: without it each 3x3 layer shaves two pixels off.
        var (c2, pad1, pad2, pad3) = variant == AlexNetVariant.Classic ? (256, 1, 2, 1) : (192, 0, 0, 0);
        features = Sequential(
            ("conv1", Conv2d(3, 96, kernel_size: 11, stride: 4, padding: pad1)),
            ("relu1", ReLU(inplace: true)),
            ("pool1", MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv2", Conv2d(96, c2, kernel_size: 5, padding: pad2)),
            ("relu2", ReLU(inplace: true)),
            ("pool2", MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv3", Conv2d(c2, 384, kernel_size: 3, padding: pad3)),
            ("relu3", ReLU(inplace: true)),
            ("conv4", Conv2d(384, 384, kernel_size: 3, padding: pad3)),
            ("relu4", ReLU(inplace: true)),
            ("conv5", Conv2d(384, 256, kernel_size: 3, padding: pad3)),
            ("relu5", ReLU(inplace: true)),
            ("pool5", MaxPool2d(kernel_size: 3, stride: 2)));

        var side = variant == AlexNetVariant.Classic ? 5 : 1;
        // The chapter left dropout out ("add dropout once the API is final"); with p = 0 the layers are omitted.
        var dense = new List<(string, Module<Tensor, Tensor>)>
        {
            ("flatten", Flatten()),
            ("fc6", Linear(256 * side * side, 4096)),
            ("relu6", ReLU(inplace: true)),
        };
        if (p > 0) dense.Add(("drop6", nn.Dropout(p)));
        dense.Add(("fc7", Linear(4096, 4096)));
        dense.Add(("relu7", ReLU(inplace: true)));
        if (p > 0) dense.Add(("drop7", nn.Dropout(p)));
        dense.Add(("fc8", Linear(4096, classCount)));
        classifier = Sequential(dense);
        RegisterComponents();
    }

    /// <summary>The variant this network was built as.</summary>
    public AlexNetVariant Variant { get; }

    /// <summary>Number of output classes.</summary>
    public int ClassCount { get; }

    /// <summary>Dropout probability after each 4096-wide layer (0 = none).</summary>
    public double Dropout { get; }

    /// <summary>The expected input side in pixels.</summary>
    public const int InputSide = 224;

    /// <summary>The convolution and pooling layers.</summary>
    public Sequential Features => features;

    /// <summary>The dense layers, from the flatten to the class scores.</summary>
    public Sequential Classifier => classifier;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return classifier.call(features.call(input)).MoveToOuterDisposeScope();
    }
}
