using System.Globalization;
using System.Text;
using System.Text.Json;
using DeepCnn.Compute;

namespace DeepCnn.GpuCheck;

/// <summary>The check's findings as a Markdown table and JSON, and whether every check passed.</summary>
internal sealed record CheckReport(string Machine, string Device, string? Gpu, string? LibTorch, string Data, CheckOptions Options,
    IReadOnlyList<VariantResult> Results)
{
    /// <summary>The card's published peaks, when the card is one of <see cref="PublishedPeaks"/>.</summary>
    public PublishedPeak? Peak => PublishedPeaks.ForGpu(Gpu);

    /// <summary>Why the check failed, one line each; empty when it passed.</summary>
    public IReadOnlyList<string> Failures => Results.SelectMany(r => new[]
    {
        r.ReloadMatches ? null : Invariant($"{r.Variant}: the reloaded network scored {r.ReloadedAccuracy:P2}, the loop measured {r.TestAccuracy:P2}"),
        r.TestAccuracy >= Options.MinimumAccuracy ? null : Invariant($"{r.Variant}: test accuracy {r.TestAccuracy:P1} is below {Options.MinimumAccuracy:P0}"),
    }).OfType<string>().ToList();

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| variant | test accuracy (reloaded) | step, images/s | epoch, images/s | epoch / step | step TFLOP/s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in Results)
        {
            text.AppendLine(Invariant($"| {r.Variant} | {r.TestAccuracy:P1} ({r.ReloadedAccuracy:P1}) | {r.StepImagesPerSecond:N0} | ") +
                Invariant($"{r.EpochImagesPerSecond:N0} | {r.EpochToStep:P0} | {r.StepTflops:F2} |"));
        }

        text.AppendLine()
            .AppendLine($"Device: {Device}. Machine: {Machine}.")
            .AppendLine($"libtorch: {LibTorch ?? "TorchSharp's own"}. Data: {Data}.")
            .AppendLine(Invariant($"Batch {Options.BatchSize}, {Options.ImageSize}x{Options.ImageSize} inputs, {Options.Epochs} epochs; the epoch rate ") +
                "averages the epochs after the first; step TFLOP/s counts 3x the forward FLOPs per image.");
        if (Peak is { } peak)
        {
            text.AppendLine(Invariant(
                $"Published peaks of the {peak.Name}: {peak.Fp32TeraFlops:0.#} TFLOP/s fp32, {peak.Tf32TeraFlops:0.#} TFLOP/s TF32 (dense, tensor cores)."));
        }

        text.AppendLine().AppendLine(Failures.Count == 0 ? "All checks passed." : "FAILED: " + string.Join("; ", Failures));
        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        Machine,
        Device,
        Gpu,
        LibTorch,
        Data,
        Options.Epochs,
        Options.BatchSize,
        Options.ImageSize,
        PublishedFp32TeraFlops = Peak?.Fp32TeraFlops,
        PublishedTf32TeraFlops = Peak?.Tf32TeraFlops,
        Variants = Results.Select(r => new
        {
            Variant = r.Variant.ToString(),
            r.Parameters,
            r.TestAccuracy,
            r.ReloadedAccuracy,
            r.StepImagesPerSecond,
            r.EpochImagesPerSecond,
            r.EpochToStep,
            r.StepTflops,
            Epochs = r.Epochs,
        }),
        Failures,
    }, new JsonSerializerOptions { WriteIndented = true });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
