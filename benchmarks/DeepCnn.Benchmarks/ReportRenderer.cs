using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepCnn.Benchmarks;

/// <summary>Turns a <see cref="BenchmarkReport"/> into Markdown (for people) and JSON (for programs).</summary>
public static class ReportRenderer
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The whole report: header, figures, targets, per-layer profiles, notes.</summary>
    public static string Markdown(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("# AlexNet benchmark: TorchSharp (C#) and PyTorch (Python) side by side").AppendLine();
        md.AppendLine(Header(report)).AppendLine();
        md.AppendLine(Summary(report));
        md.AppendLine(Profiles(report));
        if (report.Notes.Count > 0)
        {
            md.AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine($"- {note}");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The figures and targets tables alone: what the console prints at the end and the README quotes.</summary>
    public static string Summary(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("## Figures").AppendLine();
        md.AppendLine("Medians of the timed repetitions, [min-max] beside them; C#/Python > 1 means C# is faster (or, for memory, larger).").AppendLine();
        md.AppendLine("| Section | Figure | C# (TorchSharp) | Python (PyTorch) | C#/Python | |");
        md.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var figure in report.Figures)
        {
            var verdict = figure.CSharpAtLeastAsGood switch
            {
                true => "C# ahead or equal",
                false => "C# behind",
                null => "",
            };
            md.AppendLine($"| {figure.Section} | {figure.Name} ({figure.Unit}) | {Value(figure.CSharp, figure.Unit)} | {Value(figure.Python, figure.Unit)} | " +
                          $"{(figure.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "")} | {Join(verdict, figure.Note)} |");
        }

        if (report.Ceiling is { } ceiling)
        {
            md.AppendLine().AppendLine("## Ceiling").AppendLine();
            md.AppendLine(ceiling.Describe());
        }

        if (report.AllocatorRuns is { Count: > 0 } runs)
        {
            md.AppendLine().AppendLine("## Allocator settings: speed and true peak memory").AppendLine();
            md.AppendLine(Invariant($"Each setting in a process of its own, the processes taking turns step by step; {runs[0].StepSeconds.Count} timed ") +
                          Invariant($"training steps per variant at batch {runs[0].Batch} after a few untimed ones; resident memory sampled every 5 ms ") +
                          "throughout and the kernel's exact peak (VmHWM), " +
                          "nothing trimmed or collected first. \"default\" is glibc as the system sets it up; \"tuned\" keeps every freed buffer for reuse.").AppendLine();
            md.AppendLine("| Variant | Setting | images/s | true peak (MB) | resident over the timed steps (MB) | page faults per step | before the model (MB) |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var run in runs)
            {
                md.AppendLine(Invariant($"| {run.Variant} | {run.Allocator}{(run.Allocator == Compute.AllocatorTuning.Name(Compute.AllocatorTuning.DefaultChoice) ? " (library default)" : "")} | ") +
                              Invariant($"{run.ImagesPerSecond:F1} | {Ratios.Megabytes(run.PeakBytes):N0} | {Ratios.Megabytes(run.SampledLowBytes):N0}-{Ratios.Megabytes(run.SampledHighBytes):N0} | ") +
                              Invariant($"{run.FaultsPerStep:N0} | {Ratios.Megabytes(run.BaselineBytes):N0} |"));
            }
        }

        md.AppendLine().AppendLine("## Targets").AppendLine();
        md.AppendLine("| Target | Verdict | Detail |");
        md.AppendLine("|---|---|---|");
        foreach (var target in report.Targets)
        {
            md.AppendLine($"| {target.Target} | **{target.Word}** | {target.Detail} |");
        }

        return md.ToString();
    }

    /// <summary>The report as indented JSON (enums as names).</summary>
    public static string ToJson(BenchmarkReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>A report read back from <see cref="ToJson"/>.</summary>
    public static BenchmarkReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchmarkReport>(json, Json) ?? throw new JsonException("The JSON holds no report.");

    /// <summary>A value in the unit's usual precision ("59.3", "1,204", "0.42").</summary>
    public static string Format(double value, string unit) => unit switch
    {
        "MB" or "faults/step" => value.ToString("N0", CultureInfo.InvariantCulture),
        "minutes" => value.ToString("F1", CultureInfo.InvariantCulture),
        "tensors" => value.ToString("+0;-0;0", CultureInfo.InvariantCulture),
        "%" => value.ToString(Math.Abs(value) < 10 ? "F2" : "F1", CultureInfo.InvariantCulture),
        _ => value.ToString(Math.Abs(value) < 10 ? "F2" : "F1", CultureInfo.InvariantCulture),
    };

    private static string Value(Reading? reading, string unit)
    {
        if (reading is null)
        {
            return "-";
        }

        var text = Format(reading.Value, unit);
        return reading.Samples.Count > 1
            ? $"{text} [{Format(reading.Samples.Min(), unit)}-{Format(reading.Samples.Max(), unit)}]"
            : text;
    }

    private static string Join(string first, string? second) =>
        string.IsNullOrEmpty(second) ? first : string.IsNullOrEmpty(first) ? second : $"{first}; {second}";

    private static string Header(BenchmarkReport r)
    {
        var m = r.Machine;
        var peer = r.Peer;
        var h = new StringBuilder();
        h.AppendLine(Invariant($"Run {r.Started:yyyy-MM-dd HH:mm zzz}, {r.DurationSeconds / 60:F1} minutes: `{r.Command}`")).AppendLine();
        h.AppendLine("| | C# side | Python side |");
        h.AppendLine("|---|---|---|");
        h.AppendLine($"| Processor | {m.Processor}, {m.LogicalCores} logical cores | {peer?.Processor ?? "-"} |");
        h.AppendLine($"| Device | {r.CSharpDevice ?? "-"} | {(peer is null ? "-" : peer.DeviceDescription)} |");
        h.AppendLine($"| Threads | {r.Threads} intra-op, {r.InteropThreads} inter-op | " +
                     (peer is null ? "-" : $"{peer.Threads} intra-op, {peer.InteropThreads} inter-op, {peer.BlasThreads?.ToString(CultureInfo.InvariantCulture) ?? "?"} BLAS") + " |");
        h.AppendLine($"| Framework | TorchSharp {m.TorchSharpVersion} ({r.LibTorch ?? $"libtorch {m.LibTorchVersion}"}), {m.DotNetVersion} | " +
                     (peer is null ? "-" : $"PyTorch {peer.Torch}{(r.PeerPackage is null ? "" : $" (Debian python3-torch {r.PeerPackage})")}, Python {peer.Python}" +
                                           (peer.Executable is null ? "" : $" ({peer.Executable})")) + " |");
        h.AppendLine($"| BLAS | {r.CSharpBlas} | {peer?.BlasDescription ?? "-"} |");
        h.AppendLine($"| oneDNN for convolutions | yes (libtorch's own build) | {(peer is null ? "-" : peer.Mkldnn ? "yes" : "no")} |");
        h.AppendLine($"| Allocator | {r.CSharpAllocator} | {r.PeerAllocator} |");
        h.AppendLine($"| OS | {m.OsDescription} | same machine, separate process |");
        h.AppendLine();
        h.AppendLine($"Sizes: {r.Sizes}.").AppendLine();
        h.AppendLine(r.InPlaceRelu
            ? "Both sides run the same step: zero_grad (gradients dropped), forward with ReLU in place and dropout 0.5 in both variants, " +
              "cross-entropy, backward, SGD (lr 0.01, momentum 0.9), on a fixed random batch made once; evaluation is forward only in eval mode without a graph."
            : "Both sides run the same step: zero_grad (gradients dropped), forward (ReLU not in place, dropout 0.5), cross-entropy, backward, " +
              "SGD (lr 0.01, momentum 0.9), on a fixed random batch; evaluation is forward only in eval mode without a graph.");
        if (r.PeerUnavailable is { } reason)
        {
            h.AppendLine().AppendLine($"**No Python figures: {reason}.**");
        }

        if (r.Quick)
        {
            h.AppendLine().AppendLine("**Quick smoke run: smaller batches and fewer repetitions than the issue asks for; do not quote these numbers.**");
        }

        return h.ToString().TrimEnd();
    }

    private static string Profiles(BenchmarkReport report)
    {
        if (report.Profiles.Count == 0)
        {
            return "";
        }

        var md = new StringBuilder();
        md.AppendLine("## Where the time goes: one training step, layer by layer").AppendLine();
        md.AppendLine("Milliseconds; \"% ceiling\" is the layer's forward + backward FLOPs over its time, against the fastest float32 matmul of the run" +
                      (report.CeilingGflops is { } c ? Invariant($" ({c:F1} GFLOP/s)") : "") +
                      ". A ReLU that works in place has its backward counted in the layer before it (shown as \"in prev.\").").AppendLine();
        foreach (var variant in report.Profiles.Select(p => p.Variant).Distinct())
        {
            var csharp = report.Profiles.FirstOrDefault(p => p.Variant == variant && p.Side == "C#");
            var python = report.Profiles.FirstOrDefault(p => p.Variant == variant && p.Side == "Python");
            var rows = csharp ?? python!;
            md.AppendLine(Invariant($"### {variant}, batch {rows.Batch}, median of {rows.Steps} step(s) per side")).AppendLine();
            var paired = csharp is not null && python is not null && csharp.Layers.Count == python.Layers.Count;
            md.AppendLine(paired
                ? "| Layer | C# fwd | C# bwd | C# % ceiling | PyTorch fwd | PyTorch bwd | PyTorch % ceiling |\n|---|---:|---:|---:|---:|---:|---:|"
                : "| Side | Layer | fwd | bwd | % ceiling |\n|---|---|---:|---:|---:|");
            if (paired)
            {
                for (var i = 0; i < csharp!.Layers.Count; i++)
                {
                    var flops = csharp.Layers[i].ForwardFlops;
                    md.AppendLine($"| {csharp.Layers[i].Name} {csharp.Layers[i].Description} | {Cells(csharp.Layers[i], flops, i == 0, report.CeilingGflops)} | " +
                                  $"{Cells(python!.Layers[i], flops, i == 0, report.CeilingGflops)} |");
                }

                foreach (var (name, mine, theirs) in Extras(csharp, python!))
                {
                    md.AppendLine(Invariant($"| {name} | {mine * 1e3:F1} | | | {theirs * 1e3:F1} | | |"));
                }
            }
            else
            {
                foreach (var profile in new[] { csharp, python }.OfType<LayerProfile>())
                {
                    for (var i = 0; i < profile.Layers.Count; i++)
                    {
                        var layer = profile.Layers[i];
                        md.AppendLine($"| {profile.Side} | {layer.Name} {layer.Description} | {Cells(layer, layer.ForwardFlops, i == 0, report.CeilingGflops)} |");
                    }

                    foreach (var (name, seconds, _) in Extras(profile, profile))
                    {
                        md.AppendLine(Invariant($"| {profile.Side} | {name} | {seconds * 1e3:F1} | | |"));
                    }
                }
            }

            md.AppendLine();
        }

        var method = report.Profiles.Select(p => $"{p.Side}: {p.Method}").Distinct();
        md.AppendLine("How: " + string.Join(". ", method) + ".").AppendLine();
        return md.ToString();
    }

    private static string Cells(LayerTiming layer, long forwardFlops, bool first, double? ceiling)
    {
        var backward = layer.BackwardSeconds is { } b ? Invariant($"{b * 1e3:F1}") : "in prev.";
        var seconds = layer.ForwardSeconds + (layer.BackwardSeconds ?? 0);
        var flops = forwardFlops + ProfileAnalysis.BackwardFlops(forwardFlops, first);
        var share = forwardFlops > 0 && seconds > 0 && ceiling is { } c ? Invariant($"{100 * flops / seconds / 1e9 / c:F0}%") : "";
        return Invariant($"{layer.ForwardSeconds * 1e3:F1} | {backward} | {share}");
    }

    private static IEnumerable<(string Name, double CSharp, double Python)> Extras(LayerProfile c, LayerProfile p) =>
    [
        ("zero_grad", c.ZeroGradSeconds, p.ZeroGradSeconds),
        ("cross-entropy (fwd + bwd)", c.LossForwardSeconds + c.LossBackwardSeconds, p.LossForwardSeconds + p.LossBackwardSeconds),
        ("SGD step", c.OptimizerStepSeconds, p.OptimizerStepSeconds),
        ("**whole step**", c.StepSeconds, p.StepSeconds),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
