using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.GpuCheck;

/// <summary>What the check measured for one variant.</summary>
/// <param name="Variant">Which AlexNet.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="TrainingFlopsPerImage">Forward plus backward FLOPs per image (3x the forward, as the model summary estimates).</param>
/// <param name="Epochs">Every epoch the chapter's loop ran.</param>
/// <param name="ReloadedAccuracy">Test accuracy of a fresh network loaded from the checkpoint.</param>
/// <param name="StepImagesPerSecond">Images per second of <c>Minibatch.Step</c> alone on one fixed batch (median).</param>
internal sealed record VariantResult(
    AlexNetVariant Variant, long Parameters, long TrainingFlopsPerImage, IReadOnlyList<EpochResult> Epochs, double ReloadedAccuracy,
    double StepImagesPerSecond)
{
    /// <summary>The last epoch's test accuracy, as the loop measured it.</summary>
    public double TestAccuracy => Epochs[^1].TestAccuracy;

    /// <summary>Whole-epoch speed: the mean of the epochs after the first (which pays for warm-up), or the only one.</summary>
    public double EpochImagesPerSecond => (Epochs.Count > 1 ? Epochs.Skip(1) : Epochs).Average(e => e.ImagesPerSecond);

    /// <summary>Whole-epoch speed as a fraction of the step's: what batch preparation and bookkeeping cost.</summary>
    public double EpochToStep => EpochImagesPerSecond / StepImagesPerSecond;

    /// <summary>Achieved training arithmetic at the step rate, TFLOP/s.</summary>
    public double StepTflops => StepImagesPerSecond * TrainingFlopsPerImage / 1e12;

    /// <summary>Whether the reloaded network scores exactly what the loop measured.</summary>
    public bool ReloadMatches => Math.Abs(ReloadedAccuracy - TestAccuracy) < 1e-9;
}
