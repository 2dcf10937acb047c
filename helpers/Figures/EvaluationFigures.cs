using DeepCnn.Data;
using DeepCnn.Features;
using DeepCnn.Plotting;
using DeepCnn.Training;
using static System.FormattableString;

namespace DeepCnn.Figures;

/// <summary>Pictures of results: training curves, confusion, per-class accuracy, confident mistakes, comparisons.</summary>
public static class EvaluationFigures
{
    /// <summary>The d2l-style training chart of a finished (or loaded) run.</summary>
    public static Figure Training(TrainingHistory history, string title)
    {
        var stepsPerEpoch = history.Epochs.Count == 0 ? Math.Max(1, history.MovingLoss.Count) : history.MovingLoss.Count / history.Epochs.Count;
        return Charts.TrainingCurves(title, history.MovingLoss, Math.Max(1, stepsPerEpoch), history.Epochs.Select(e => e.MeanLoss).ToList(),
            history.Epochs.Select(e => e.TrainAccuracy).ToList(), history.Epochs.Select(e => e.TestAccuracy).ToList());
    }

    /// <summary>The confusion matrix, each row normalised: where the images of each true class went.</summary>
    public static Figure Confusion(ConfusionMatrix matrix, IReadOnlyList<string> classNames, string title) =>
        Charts.Heatmap(title, matrix.RowNormalised(), classNames, classNames, "predicted class", "true class");

    /// <summary>Accuracy per class as bars.</summary>
    public static Figure PerClassAccuracy(ConfusionMatrix matrix, IReadOnlyList<string> classNames, string title) =>
        Charts.Bars(title, classNames, matrix.PerClassAccuracy().Select(a => double.IsNaN(a) ? 0 : a).ToList(), "accuracy", "P0");

    /// <summary>The wrong predictions the model was surest of, captioned with the prediction, its probability and the truth.</summary>
    public static Figure ConfidentMistakes(Predictions predictions, CifarSplit split, IReadOnlyList<string> classNames, string dataName, int count = 16)
    {
        var mistakes = predictions.MostConfidentMistakes(count);
        if (mistakes.Length == 0)
        {
            return ImageGrid.Render($"No mistakes to show ({dataName})", [(new RgbImage(1, 1, [255, 255, 255]), "every prediction was right")], 1);
        }

        var cells = mistakes.Select(m => (DataFigures.Picture(split, predictions.Indices[m]),
            $"{Captions.Short(classNames[predictions.Predicted[m]])} {predictions.Confidence[m]:P0}\ntrue: {Captions.Short(classNames[predictions.Actual[m]])}")).ToList();
        return ImageGrid.Render($"Most confident mistakes ({dataName}): predicted class and probability, then the true class", cells, columns: 8, cellSize: 88);
    }

    /// <summary>
    /// Test accuracy beside chance and, when it ran on the same data set (see <see cref="DataOrigin.IsSameDataAs"/>), the
    /// hand-made baseline of notebook 01.
    /// </summary>
    public static Figure AgainstBaseline(CifarDataSet data, HandmadeBaselineResult? baseline, string model, double accuracy)
    {
        var entries = new List<(string Name, double Accuracy)> { ("chance", 1.0 / data.ClassNames.Count) };
        if (Comparable(baseline, data))
        {
            entries.Add(("hand-made features + linear (01)", baseline!.TestAccuracy));
        }

        entries.Add((model, accuracy));
        return Comparison($"Test accuracy on {data.Origin.Name}", entries);
    }

    /// <summary>What <see cref="AgainstBaseline"/> shows of the baseline, in one line: its summary, or why it is left out.</summary>
    public static string BaselineNote(HandmadeBaselineResult? baseline, CifarDataSet data) => baseline switch
    {
        null => "No baseline yet: run notebook 01 to add the hand-made features to this chart.",
        _ when !Comparable(baseline, data) => $"The baseline in notebook 01 ran on other data ({baseline.Origin.Name}); it is left out.",
        _ => baseline.Summary,
    };

    /// <summary>
    /// The comparison in one sentence, from the numbers: which of the network and the hand-made baseline (when it ran on
    /// the same kind of data) is ahead and by how much, and how both compare with chance.
    /// </summary>
    public static string Verdict(string model, double accuracy, HandmadeBaselineResult? baseline, CifarDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chance = 1.0 / data.ClassNames.Count;
        var against = accuracy > chance ? Invariant($"above chance ({chance:P0})") : Invariant($"no better than chance ({chance:P0})");
        if (!Comparable(baseline, data))
        {
            return Invariant($"On {data.Origin.Name}, {model} reaches {accuracy:P1} test accuracy, {against}; no hand-made baseline ran on this data.");
        }

        var points = 100 * (accuracy - baseline!.TestAccuracy);
        if (Math.Abs(points) < 0.05)
        {
            return Invariant($"On {data.Origin.Name}, {model} ties with the hand-made features of notebook 01 at {accuracy:P1} test accuracy, {against}.");
        }

        var (verb, gap) = points > 0 ? ("beats", points) : ("is behind", -points);
        return Invariant($"On {data.Origin.Name}, {model} {verb} the hand-made features of notebook 01 by {gap:F1} points: ") +
               Invariant($"{accuracy:P1} against {baseline.TestAccuracy:P1} test accuracy ({model} is {against}).");
    }

    // The baseline counts only when it ran on the same data set (see DataOrigin.IsSameDataAs) with the same classes.
    private static bool Comparable(HandmadeBaselineResult? baseline, CifarDataSet data) =>
        baseline is not null && baseline.Origin.IsSameDataAs(data.Origin) && baseline.ClassNames.SequenceEqual(data.ClassNames);

    /// <summary>Each run's test accuracy after every epoch, one line a run, so the effect of an edit shows at once.</summary>
    public static Figure RunCurves(RunComparison comparison, string title)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var series = comparison.Rows.Where(r => r.TestAccuracyPerEpoch.Count > 0)
            .Select(r => new Series(
                r.Name == comparison.Reference ? $"{r.Name} (this run)" : r.Differences.Count == 0 ? r.Name : $"{r.Name}: {string.Join(", ", r.Differences.Take(2))}",
                Enumerable.Range(1, r.TestAccuracyPerEpoch.Count).Select(e => (double)e).ToArray(),
                r.TestAccuracyPerEpoch.Select(a => 100 * a).ToArray()))
            .ToList();
        return Charts.Lines(title, "epoch", "test accuracy (%)", series, markers: true);
    }

    /// <summary>Accuracies of several models or baselines as bars, chance included.</summary>
    public static Figure Comparison(string title, IReadOnlyList<(string Name, double Accuracy)> entries) =>
        Charts.Bars(title, entries.Select(e => e.Name).ToList(), entries.Select(e => e.Accuracy).ToList(), "test accuracy", "P1");
}
