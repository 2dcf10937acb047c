using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>
/// The back-of-the-envelope sum behind "why GPUs": an epoch costs (training FLOPs per image) x (images), and a machine
/// that sustains G GFLOP/s needs that divided by G x 10^9 seconds. It is a lower bound: real training also waits on
/// memory, data loading and the layers that do little arithmetic, so a measured epoch is slower.
/// </summary>
/// <param name="TrainingFlopsPerImage">Forward plus backward FLOPs per image (<c>ModelSummary.TrainingFlops</c>).</param>
/// <param name="ImagesPerEpoch">Images in one pass over the training set (50,000 for CIFAR-10).</param>
/// <param name="GflopsPerSecond">The rate the machine sustains, measured or published.</param>
public sealed record EpochEstimate(long TrainingFlopsPerImage, int ImagesPerEpoch, double GflopsPerSecond)
{
    /// <summary>Training images in CIFAR-10.</summary>
    public const int CifarTrainingImages = 50_000;

    /// <summary>Forward plus backward FLOPs per image.</summary>
    public long TrainingFlopsPerImage { get; } = TrainingFlopsPerImage > 0
        ? TrainingFlopsPerImage
        : throw new ArgumentOutOfRangeException(nameof(TrainingFlopsPerImage), TrainingFlopsPerImage, "Expected a positive FLOP count.");

    /// <summary>Images in one epoch.</summary>
    public int ImagesPerEpoch { get; } = ImagesPerEpoch > 0
        ? ImagesPerEpoch
        : throw new ArgumentOutOfRangeException(nameof(ImagesPerEpoch), ImagesPerEpoch, "Expected a positive image count.");

    /// <summary>The sustained rate in GFLOP/s.</summary>
    public double GflopsPerSecond { get; } = GflopsPerSecond > 0 && double.IsFinite(GflopsPerSecond)
        ? GflopsPerSecond
        : throw new ArgumentOutOfRangeException(nameof(GflopsPerSecond), GflopsPerSecond, "Expected a positive, finite rate.");

    /// <summary>FLOPs of one epoch (a double: AlexNet's run to 10^14 and beyond).</summary>
    public double FlopsPerEpoch => (double)TrainingFlopsPerImage * ImagesPerEpoch;

    /// <summary>Seconds per epoch at <see cref="GflopsPerSecond"/>.</summary>
    public double Seconds => FlopsPerEpoch / (GflopsPerSecond * 1e9);

    /// <summary>Minutes per epoch.</summary>
    public double Minutes => Seconds / 60;

    /// <summary>Images trained on per second.</summary>
    public double ImagesPerSecond => GflopsPerSecond * 1e9 / TrainingFlopsPerImage;

    /// <summary>The estimate for CIFAR-10's 50,000 training images.</summary>
    public static EpochEstimate ForCifar10(long trainingFlopsPerImage, double gflopsPerSecond) =>
        new(trainingFlopsPerImage, CifarTrainingImages, gflopsPerSecond);

    /// <summary>"at 100.0 GFLOP/s: 1,340.7 s (22.3 min) per epoch of 50,000 images, 37.3 images/s".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"at {GflopsPerSecond:N1} GFLOP/s: {Seconds:N1} s ({Minutes:N1} min) per epoch of {ImagesPerEpoch:N0} images, {ImagesPerSecond:N1} images/s");
}
