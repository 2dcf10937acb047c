using System.Globalization;
using DeepCnn.Benchmarks.Memory;
using DeepCnn.Compute;
using DeepCnn.Models;

namespace DeepCnn.Benchmarks;

/// <summary>Reads the issue's targets against one run's figures. The verdicts judge the C# side; Python's numbers are context.</summary>
public static class TargetReader
{
    /// <summary>Training must reach this share of the machine's ceiling (Classic variant).</summary>
    public const double CeilingPercentTarget = 75;

    /// <summary>The input pipeline may cost at most this share of a training step.</summary>
    public const double PipelinePercentTarget = 5;

    /// <summary>Peak memory at batch 64, in MB.</summary>
    public const double PeakMegabytesTarget = 4000;

    /// <summary>Resident growth over the growth run, in percent.</summary>
    public const double GrowthPercentTarget = 1;

    /// <summary>The verdicts, in the issue's order.</summary>
    public static IReadOnlyList<TargetVerdict> Read(BenchmarkOptions options, IReadOnlyList<Figure> figures, IReadOnlyList<LayerProfile> profiles,
        double? ceilingGflops, IReadOnlyList<MemoryRunResult>? allocatorRuns = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var batchNote = options.TrainBatch == 64 ? "" : $" (read at batch {options.TrainBatch}, not 64: indicative only)";
        return
        [
            Ceiling(figures, profiles, ceilingGflops, batchNote),
            Pipeline(options, figures, batchNote),
            Parity(figures),
            PeakMemory(options, figures, allocatorRuns ?? [], batchNote),
            Growth(options, figures),
        ];
    }

    private static TargetVerdict Ceiling(IReadOnlyList<Figure> figures, IReadOnlyList<LayerProfile> profiles, double? ceiling, string batchNote)
    {
        const string target = "Training at batch 64 reaches at least 75% of the machine's ceiling (Classic; the higher of the theoretical peak and the fastest product)";
        var share = Find(figures, FigureKeys.TrainCeiling(AlexNetVariant.Classic));
        var gflops = Find(figures, FigureKeys.TrainGflops(AlexNetVariant.Classic));
        if (share?.CSharp is not { } c || ceiling is not { } top)
        {
            return new TargetVerdict(target, null, "the Classic variant or the ceiling was not measured in this run");
        }

        var detail = Invariant($"C# {gflops?.CSharp?.Value:F1} GFLOP/s = {c.Value:F1}% of {top:F1} GFLOP/s")
            + (share.Python is { } p ? Invariant($"; PyTorch {p.Value:F1}%") : "") + batchNote;
        if (profiles.FirstOrDefault(p => p.Side == "C#" && p.Variant == AlexNetVariant.Classic) is { } profile)
        {
            var losses = ProfileAnalysis.Losses(profile, top);
            var lost = losses.Sum(l => l.LostSeconds);
            detail += ". Time lost against the ceiling in the profiled step: " + string.Join(", ", losses.Take(4).Select(l =>
                Invariant($"{l.Name} {l.LostSeconds * 1e3:F0} ms") + (l.AchievedGflops is { } a ? Invariant($" (runs at {100 * a / top:F0}%)") : " (no products)")))
                + Invariant($" of {lost * 1e3:F0} ms lost in all");
        }

        return new TargetVerdict(target, c.Value >= CeilingPercentTarget, detail);
    }

    private static TargetVerdict Pipeline(BenchmarkOptions options, IReadOnlyList<Figure> figures, string batchNote)
    {
        const string target = "The input pipeline costs under 5% of a training step";
        var shares = options.Variants.Select(v => (Variant: v, Figure: Find(figures, FigureKeys.PipelineShare(v))))
            .Where(s => s.Figure?.CSharp is not null)
            .ToList();
        if (shares.Count == 0)
        {
            return new TargetVerdict(target, null, "the pipeline or the training steps were not measured");
        }

        var detail = string.Join("; ", shares.Select(s => Invariant($"{s.Variant}: C# {s.Figure!.CSharp!.Value:F2}%")
            + (s.Figure.Python is { } p ? Invariant($" (PyTorch {p.Value:F2}%)") : ""))) + batchNote;
        return new TargetVerdict(target, shares.All(s => s.Figure!.CSharp!.Value < PipelinePercentTarget), detail);
    }

    private static TargetVerdict Parity(IReadOnlyList<Figure> figures)
    {
        const string target = "C# throughput at least equal to the PyTorch peer's on every figure";
        var judged = figures.Where(f => f.Better == Better.Higher && f.CSharpAtLeastAsGood is not null).ToList();
        if (judged.Count == 0)
        {
            return new TargetVerdict(target, null, "no peer in this run, so no ratio to read");
        }

        var behind = judged.Where(f => f.CSharpAtLeastAsGood == false).ToList();
        var others = figures.Where(f => f.Better == Better.Lower && f.CSharpAtLeastAsGood == false).ToList();
        var detail = behind.Count == 0
            ? Invariant($"all {judged.Count} throughput figures at or above 1.00 (lowest {judged.Min(f => f.Ratio)!.Value:F2}: {judged.MinBy(f => f.Ratio)!.Name})")
            : "behind on: " + string.Join("; ", behind.Select(f => Invariant($"{f.Section} {f.Name} {f.Ratio:F2}")));
        if (others.Count > 0)
        {
            detail += "; not throughput, but worse: " + string.Join("; ", others.Select(f => Invariant($"{f.Section} {f.Name} {f.Ratio:F2}")));
        }

        return new TargetVerdict(target, behind.Count == 0, detail);
    }

    // Judged on the library's default allocator setting, each setting's true peak (the kernel's, over a run of steps in a
    // process of its own, nothing trimmed) beside it; without those runs, on this process's peak during training.
    private static TargetVerdict PeakMemory(BenchmarkOptions options, IReadOnlyList<Figure> figures, IReadOnlyList<MemoryRunResult> runs, string batchNote)
    {
        const string target = "Peak memory at batch 64 under 4 GB at every moment, with the library's default allocator setting";
        var defaultName = AllocatorTuning.Name(AllocatorTuning.DefaultChoice);
        var judged = runs.Where(r => r.Allocator == defaultName).ToList();
        if (judged.Count > 0)
        {
            var detail = string.Join("; ", runs.GroupBy(r => r.Allocator).Select(g =>
                $"{g.Key}{(g.Key == defaultName ? " (the default)" : "")}: " + string.Join(", ", g.Select(r =>
                    Invariant($"{r.Variant} {Ratios.Megabytes(r.PeakBytes):F0} MB at {r.ImagesPerSecond:F1} images/s")))));
            return new TargetVerdict(target, judged.All(r => Ratios.Megabytes(r.PeakBytes) < PeakMegabytesTarget),
                "true peaks (VmHWM over each setting's own run): " + detail + batchNote);
        }

        var peaks = options.Variants.Select(v => (Variant: v, Figure: Find(figures, FigureKeys.PeakMemory(v))))
            .Where(p => p.Figure?.CSharp is not null)
            .ToList();
        if (peaks.Count == 0)
        {
            return new TargetVerdict(target, null, "peak memory was not measured");
        }

        var fallback = string.Join("; ", peaks.Select(p => Invariant($"{p.Variant}: C# {p.Figure!.CSharp!.Value:F0} MB")
            + (p.Figure.Python is { } py ? Invariant($" (PyTorch {py.Value:F0} MB)") : ""))) + batchNote +
            "; this process's allocator only (the per-setting runs were skipped)";
        if (AllocatorTuning.Current is { Tuned: true } tuned)
        {
            // The target is about the default setting; a tuned process's peak says nothing about it either way.
            return new TargetVerdict(target, null, fallback + $", and this process ran the tuned setting ({tuned}), not the default: rerun with the per-setting runs to judge it");
        }

        return new TargetVerdict(target, peaks.All(p => p.Figure!.CSharp!.Value < PeakMegabytesTarget), fallback);
    }

    private static TargetVerdict Growth(BenchmarkOptions options, IReadOnlyList<Figure> figures)
    {
        var target = Invariant($"Memory growth over {options.GrowthSteps} training steps under 1%");
        var growth = options.Variants.Select(v => (Variant: v, Growth: Find(figures, FigureKeys.Growth(v)), Tensors: Find(figures, FigureKeys.LiveTensors(v))))
            .Where(g => g.Growth?.CSharp is not null)
            .ToList();
        if (growth.Count == 0)
        {
            return new TargetVerdict(target, null, "growth was not measured");
        }

        var detail = string.Join("; ", growth.Select(g => Invariant($"{g.Variant}: C# {g.Growth!.CSharp!.Value:+0.00;-0.00;0.00}%")
            + (g.Tensors?.CSharp is { } t ? Invariant($", {t.Value:+0;-0;0} live tensors") : "")
            + (g.Growth.Python is { } p ? Invariant($" (PyTorch {p.Value:+0.00;-0.00;0.00}%)") : "")))
            + Invariant($"; at batch {options.GrowthBatch}, after {options.GrowthWarmupSteps} warm-up steps");
        var met = growth.All(g => g.Growth!.CSharp!.Value < GrowthPercentTarget && (g.Tensors?.CSharp?.Value ?? 0) <= 0);
        return new TargetVerdict(target, met, detail);
    }

    private static Figure? Find(IReadOnlyList<Figure> figures, string key) => figures.FirstOrDefault(f => f.Key == key);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
