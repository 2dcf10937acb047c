using DeepCnn.Models;

namespace DeepCnn.Benchmarks;

/// <summary>The keys of the figures a run produces, so the targets and tests find them without matching on labels.</summary>
public static class FigureKeys
{
    /// <summary>Matrix-multiply GFLOP/s of each side's BLAS.</summary>
    public const string Matmul = "matmul.gflops";

    /// <summary>The fastest single matrix product of each side over the ceiling sizes, in GFLOP/s.</summary>
    public const string BestProduct = "matmul.best_gflops";

    /// <summary>Input pipeline images/s.</summary>
    public const string Pipeline = "pipeline.images_per_s";

    /// <summary>Training images/s.</summary>
    public static string Train(AlexNetVariant variant) => $"train.{Name(variant)}.images_per_s";

    /// <summary>Training GFLOP/s achieved.</summary>
    public static string TrainGflops(AlexNetVariant variant) => $"train.{Name(variant)}.gflops";

    /// <summary>Training GFLOP/s as a percentage of the machine's ceiling.</summary>
    public static string TrainCeiling(AlexNetVariant variant) => $"train.{Name(variant)}.ceiling_percent";

    /// <summary>Minor page faults per training step.</summary>
    public static string TrainFaults(AlexNetVariant variant) => $"train.{Name(variant)}.faults_per_step";

    /// <summary>Evaluation images/s.</summary>
    public static string Eval(AlexNetVariant variant) => $"eval.{Name(variant)}.images_per_s";

    /// <summary>Evaluation GFLOP/s achieved.</summary>
    public static string EvalGflops(AlexNetVariant variant) => $"eval.{Name(variant)}.gflops";

    /// <summary>Evaluation GFLOP/s as a percentage of the machine's ceiling.</summary>
    public static string EvalCeiling(AlexNetVariant variant) => $"eval.{Name(variant)}.ceiling_percent";

    /// <summary>Minutes for one CIFAR-10 epoch at the measured rates (training plus the trainer's two accuracy passes).</summary>
    public static string Epoch(AlexNetVariant variant) => $"epoch.{Name(variant)}.minutes";

    /// <summary>The input pipeline's time as a percentage of one training step.</summary>
    public static string PipelineShare(AlexNetVariant variant) => $"pipeline.share.{Name(variant)}.percent";

    /// <summary>Resident memory of the process before any model is built, in MB.</summary>
    public const string Baseline = "memory.baseline_mb";

    /// <summary>Peak resident memory during training, in MB.</summary>
    public static string PeakMemory(AlexNetVariant variant) => $"memory.{Name(variant)}.peak_mb";

    /// <summary>Resident memory growth over the growth run, in percent.</summary>
    public static string Growth(AlexNetVariant variant) => $"memory.{Name(variant)}.growth_percent";

    /// <summary>The kernel's peak resident size over the growth run, in MB (C# only).</summary>
    public static string GrowthPeak(AlexNetVariant variant) => $"memory.{Name(variant)}.growth_peak_mb";

    /// <summary>Live tensors gained over the growth run (C# only).</summary>
    public static string LiveTensors(AlexNetVariant variant) => $"memory.{Name(variant)}.live_tensor_growth";

    private static string Name(AlexNetVariant variant) => variant.ToString().ToLowerInvariant();
}
