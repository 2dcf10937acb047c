using System.ComponentModel.DataAnnotations;
using DeepCnn.Configuration;

namespace DeepCnn.Models;

/// <summary>
/// The network's own settings, the arguments notebook 04's <c>AlexNet</c> and <c>Xavier</c> are built from: which
/// layout, how much dropout, the input side and the initialisation scale. Saved with every checkpoint, so the same
/// network can be built again (nanoGPT's <c>GPTConfig</c>). Every property can be overridden by an ALEXNET_* variable.
/// </summary>
public sealed record AlexNetConfig : IOverridableOptions, IValidatableObject
{
    /// <summary>The chapter's layers or the classic padded ones.</summary>
    public AlexNetVariant Variant { get; init; } = AlexNetVariant.Chapter;

    /// <summary>Dropout after each 4096-wide layer. Chapter: none ("add dropout once the API is final"); 0.5 as in the paper.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Dropout { get; init; } = 0.5;

    /// <summary>Side of the network's input; CIFAR's 32x32 images are upsampled to it. AlexNet's (and the chapter's): 224.</summary>
    [Range(AlexNetInput.MinSide, AlexNetInput.MaxSide)]
    public int ImageSize { get; init; } = AlexNetInput.Side;

    /// <summary>Xavier initialisation magnitude (MXNet's scale; 3 is Glorot's original). Chapter: 2.24.</summary>
    [Range(0.0, AlexNetInput.MaxScale, MinimumIsExclusive = true)]
    public double XavierMagnitude { get; init; } = 2.24;

    /// <summary>The chapter's own network: its layers without dropout, Xavier at 2.24, 224x224 inputs.</summary>
    public static AlexNetConfig Chapter { get; } = new() { Dropout = 0 };

    /// <summary>The smallest input side the chosen layout turns into at least one position after its last pooling layer.</summary>
    public int MinImageSize => AlexNetLayout.Of(Variant).MinInputSide();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ImageSize < MinImageSize)
        {
            yield return new ValidationResult(
                $"the {Variant} layout shrinks a {ImageSize}x{ImageSize} image to nothing before its dense layers; expected at least {MinImageSize}.",
                [nameof(ImageSize)]);
        }
    }
}
