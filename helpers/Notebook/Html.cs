using System.Globalization;
using System.Net;
using System.Text;
using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using static TorchSharp.torch;

namespace DeepCnn.Notebook;

/// <summary>The small HTML pieces notebooks show: banners, progress bars, tables; a cell that ends with one shows it as HTML.</summary>
public static class Html
{
    /// <summary>Escapes text for HTML.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// A banner naming the data a result was computed on: unmissable orange for synthetic data (so no figure is
    /// mistaken for a CIFAR-10 result), quiet green for the real data set.
    /// </summary>
    public static HtmlFragment DataBanner(DataOrigin origin, string? detail = null)
    {
        var (background, border, headline) = origin.IsSynthetic
            ? ("#fff3cd", "#e0a800", "SYNTHETIC DATA: not CIFAR-10. Accuracies and pictures below say nothing about real images.")
            : ("#e8f5e9", "#43a047", "CIFAR-10");
        return new HtmlFragment($"<div style=\"background:{background};border-left:6px solid {border};padding:8px 12px;margin:4px 0;color:#222\">" +
               $"<b>{Encode(headline)}</b><br/><small>{Encode(detail ?? origin.Description)}</small></div>");
    }

    /// <summary>A progress bar with a caption; <paramref name="fraction"/> in [0, 1].</summary>
    public static HtmlFragment ProgressBar(string title, double fraction, string detail)
    {
        var percent = Math.Clamp(fraction, 0, 1) * 100;
        return new HtmlFragment("<div style=\"font-family:sans-serif;margin:4px 0\">" +
               $"<div><b>{Encode(title)}</b> {percent.ToString("F0", CultureInfo.InvariantCulture)}%</div>" +
               "<div style=\"width:480px;height:12px;background:#e0e0e0;border-radius:6px;overflow:hidden\">" +
               $"<div style=\"width:{percent.ToString("F1", CultureInfo.InvariantCulture)}%;height:100%;background:#1976d2\"></div></div>" +
               $"<div><small>{Encode(detail)}</small></div></div>");
    }

    /// <summary>A bold title followed by a status message.</summary>
    public static HtmlFragment Status(string title, string message) =>
        new($"<div style=\"font-family:sans-serif\"><b>{Encode(title)}:</b> {Encode(message)}</div>");

    /// <summary>A table with a header row.</summary>
    public static HtmlFragment Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder("<table style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var cell in header)
        {
            html.Append("<th style=\"text-align:left;padding:2px 10px\">").Append(Encode(cell)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td style=\"padding:2px 10px;font-family:monospace\">").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return new HtmlFragment(html.Append("</tbody></table>").ToString());
    }

    /// <summary>Shape, type and value range of each named tensor: the quickest check that a pipeline did what it should.</summary>
    public static HtmlFragment TensorTable(params (string Name, Tensor Value)[] tensors)
    {
        using var scope = NewDisposeScope();
        string Stat(Tensor t, Func<Tensor, Tensor> f) => t.is_floating_point()
            ? f(t).item<float>().ToString("F3", CultureInfo.InvariantCulture)
            : f(t.to_type(ScalarType.Float32)).item<float>().ToString("F0", CultureInfo.InvariantCulture);
        var rows = tensors.Select(t => (IReadOnlyList<string>)
            [t.Name, string.Join(" x ", t.Value.shape), t.Value.dtype.ToString(), Stat(t.Value, x => x.min()), Stat(t.Value, x => x.max()),
             Stat(t.Value, x => x.mean()), Stat(t.Value, x => x.std())]);
        return Table(["tensor", "shape", "dtype", "min", "max", "mean", "std"], rows);
    }

    /// <summary>Networks side by side: feature-map size, parameters and FLOPs.</summary>
    public static HtmlFragment CompareModels(params (string Name, ModelSummary Summary)[] models)
    {
        var rows = new (string Label, Func<ModelSummary, string> Cell)[]
        {
            ("convolution channels", s => string.Join(", ", s.Layers.Where(l => l.Kind.StartsWith("Conv2d", StringComparison.Ordinal)).Select(l => l.OutputShape[1]))),
            ("features output (after pool5)", s => s.Layers.Last(l => l.Name.StartsWith("features.", StringComparison.Ordinal)).Shape),
            ("inputs to the first dense layer", s => s.Layers.First(l => l.Kind.StartsWith("Linear", StringComparison.Ordinal)).Kind.Split(' ')[1].Split("->")[0]),
            ("dropout layers", s => s.Layers.Count(l => l.Kind.StartsWith("Dropout", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture)),
            ("parameters", s => s.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)),
            ("forward GFLOP per image", s => (s.ForwardFlops / 1e9).ToString("F3", CultureInfo.InvariantCulture)),
            ("training GFLOP per image (about 3x forward)", s => (s.TrainingFlops / 1e9).ToString("F2", CultureInfo.InvariantCulture)),
        };
        return Table(["", .. models.Select(m => m.Name)],
            rows.Select(r => (IReadOnlyList<string>)[r.Label, .. models.Select(m => r.Cell(m.Summary))]));
    }

    /// <summary>Every option whose value differs between two option records, side by side (e.g. the chapter's vs ours).</summary>
    public static HtmlFragment CompareOptions<T>(string leftName, T left, string rightName, T right) where T : class =>
        CompareOptions(leftName, [left], rightName, [right]);

    /// <summary>As <see cref="CompareOptions{T}(string, T, string, T)"/> for several records at once, paired in order.</summary>
    public static HtmlFragment CompareOptions(string leftName, IReadOnlyList<object> left, string rightName, IReadOnlyList<object> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count || left.Zip(right).Any(pair => pair.First.GetType() != pair.Second.GetType()))
        {
            throw new ArgumentException("Compare records of the same types, in the same order.", nameof(right));
        }

        var rows = left.Zip(right).SelectMany(pair => pair.First.GetType().GetProperties()
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Select(p => (Name: $"{pair.First.GetType().Name}.{p.Name}", Left: EnvironmentOverrides.Format(p.GetValue(pair.First)), Right: EnvironmentOverrides.Format(p.GetValue(pair.Second)))))
            .Where(r => r.Left != r.Right)
            .Select(r => (IReadOnlyList<string>)[r.Name, r.Left, r.Right]);
        return Table(["setting", leftName, rightName], rows);
    }

    /// <summary>One row per epoch: moving loss, accuracies, time and speed.</summary>
    public static HtmlFragment Epochs(TrainingHistory history) => Table(
        ["epoch", "moving loss", "mean loss", "train accuracy", "test accuracy", "training time", "images/s"],
        history.Epochs.Select(e => (IReadOnlyList<string>)
        [
            e.Epoch.ToString(CultureInfo.InvariantCulture), e.MovingLoss.ToString("F3", CultureInfo.InvariantCulture),
            e.MeanLoss.ToString("F3", CultureInfo.InvariantCulture),
            e.TrainAccuracy.ToString("P1", CultureInfo.InvariantCulture), e.TestAccuracy.ToString("P1", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(e.TrainSeconds).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
            e.ImagesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
        ]));

    /// <summary>A run: where it is, how far it got, its best epoch, and what it is (network, optimiser, code, data).</summary>
    public static HtmlFragment Run(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var d = run.Description;
        var best = run.History.Best is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"best: epoch {b.Epoch}, test accuracy {b.TestAccuracy:P1} ({Path.Combine(run.Folder, TrainingRun.BestCheckpoint)})")
            : "no epoch saved yet";
        var code = d.Code.Count == 0 ? "not recorded" : string.Join(", ", d.Code.Select(c => $"{c.Key} {c.Value}"));
        return new HtmlFragment("<div style=\"font-family:sans-serif\">" +
            $"<b>Run {Encode(run.Name)}</b> ({Encode(run.Record.Status.ToString().ToLowerInvariant())}, {run.History.Epochs.Count} of {d.Options.Epochs} epochs saved; {Encode(best)})<br/>" +
            $"<small>folder {Encode(run.Folder)}<br/>network: {Encode(d.Network.Type)} {Encode(d.Network.Widths())}, {d.Network.TotalParameters.ToString("N0", CultureInfo.InvariantCulture)} parameters; " +
            $"optimiser: {Encode(d.Optimizer.ToString())}; loss: {Encode(d.Loss)}<br/>code: {Encode(code)}<br/>" +
            $"data: {Encode(d.Data.Name)}, {d.TrainImages.ToString("N0", CultureInfo.InvariantCulture)} train / {d.TestImages.ToString("N0", CultureInfo.InvariantCulture)} test images, scaling {Encode(d.Stats.ToString())}; device {Encode(d.Device)}</small></div>");
    }

    /// <summary>The runs of a cache side by side: what differs from the reference run, epochs, best test accuracy, speed, date, disk.</summary>
    public static HtmlFragment Runs(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = Table(["run", "started", "differs from this run", "epochs", "best test accuracy", "images/s", "disk"],
            comparison.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Name == comparison.Reference ? r.Name + " (this run)" : r.Name,
                r.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Name == comparison.Reference ? "" : r.Differences.Count == 0 ? "nothing" : string.Join("; ", r.Differences),
                $"{r.Epochs} of {r.PlannedEpochs}{(r.Status == RunStatus.Diverged ? ", diverged" : r.Status == RunStatus.Running && r.Epochs < r.PlannedEpochs ? ", unfinished" : "")}",
                r.BestTestAccuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-",
                r.ImagesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.DiskBytes / 1e6:N0} MB{(r.HasCheckpoints ? "" : " (checkpoints removed)")}"),
            ]));
        return new HtmlFragment(table.Html + string.Create(CultureInfo.InvariantCulture,
            $"<div style=\"font-family:sans-serif\"><small>{comparison.Rows.Count} run(s), {comparison.DiskBytes / 1e6:N0} MB on disk.</small></div>"));
    }

    /// <summary>Measured throughput, one row per measurement, skipped ones with their reason.</summary>
    public static HtmlFragment Throughput(IEnumerable<ThroughputResult> results) => Table(
        ["workload", "size", "device", "threads", "median time", "GFLOP/s"],
        results.Select(r => (IReadOnlyList<string>)
        [
            r.Name, r.Size.ToString(CultureInfo.InvariantCulture), r.Device, r.Threads.ToString(CultureInfo.InvariantCulture),
            r.Skipped ? "skipped" : (r.MedianSeconds * 1e3).ToString("F2", CultureInfo.InvariantCulture) + " ms",
            r.Skipped ? r.SkipReason ?? "" : r.GflopsPerSecond.ToString("F1", CultureInfo.InvariantCulture),
        ]));

    /// <summary>Seconds and minutes per epoch for each labelled estimate.</summary>
    public static HtmlFragment EpochEstimates(IEnumerable<(string Label, EpochEstimate Estimate)> estimates) => Table(
        ["network and hardware", "GFLOP/s assumed", "images/s", "one CIFAR-10 epoch"],
        estimates.Select(e => (IReadOnlyList<string>)
        [
            e.Label, e.Estimate.GflopsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            e.Estimate.ImagesPerSecond.ToString("N1", CultureInfo.InvariantCulture),
            e.Estimate.Seconds < 120
                ? e.Estimate.Seconds.ToString("N0", CultureInfo.InvariantCulture) + " s"
                : e.Estimate.Minutes.ToString("N0", CultureInfo.InvariantCulture) + " min",
        ]));

    /// <summary>
    /// The time of one CIFAR-10 epoch for every network on every piece of hardware, as a table; hardware with a rate of
    /// 0 (a GPU that is not there) is left out.
    /// </summary>
    public static HtmlFragment EpochEstimates(
        IReadOnlyList<(string Network, ModelSummary Summary)> networks,
        IReadOnlyList<(string Hardware, double GflopsPerSecond)> hardware) => EpochEstimates(
        from network in networks
        from machine in hardware
        where machine.GflopsPerSecond > 0
        select ($"{network.Network} AlexNet on {machine.Hardware}", EpochEstimate.ForCifar10(network.Summary.TrainingFlops, machine.GflopsPerSecond)));

    /// <summary>The power argument as a table: slower clocks, more cores, same power.</summary>
    public static HtmlFragment PowerScaling(IEnumerable<PowerScalingRow> rows) => Table(
        ["clock slowed by", "cores in the same power budget", "relative clock", "relative throughput", "relative power"],
        rows.Select(r => (IReadOnlyList<string>)
        [
            r.SlowdownFactor.ToString(CultureInfo.InvariantCulture) + "x", r.Cores.ToString(CultureInfo.InvariantCulture),
            r.RelativeClock.ToString("0.###", CultureInfo.InvariantCulture), r.RelativeThroughput.ToString("0.##", CultureInfo.InvariantCulture) + "x",
            r.RelativePower.ToString("0.##", CultureInfo.InvariantCulture),
        ]));

    /// <summary>A model summary as a table: layer, kind, output shape, parameters, FLOPs, with totals.</summary>
    public static HtmlFragment Summary(ModelSummary summary)
    {
        var rows = summary.Layers.Select(l => (IReadOnlyList<string>)
            [l.Name, l.Kind, l.Shape, l.Parameters == 0 ? "" : l.Parameters.ToString("N0", CultureInfo.InvariantCulture),
             l.Flops == 0 ? "" : (l.Flops / 1e6).ToString("N1", CultureInfo.InvariantCulture)]).ToList();
        rows.Add(["total", "", "", summary.TotalParameters.ToString("N0", CultureInfo.InvariantCulture),
            (summary.ForwardFlops / 1e6).ToString("N1", CultureInfo.InvariantCulture)]);
        return Table(["layer", "kind", "output shape", "parameters", "forward MFLOPs"], rows);
    }
}
