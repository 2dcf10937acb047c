using DeepCnn.Data;
using DeepCnn.Plotting;
using DeepCnn.Training;

namespace DeepCnn.Figures;

/// <summary>Pictures of results: training curves, confusion, per-class accuracy, confident mistakes, comparisons.</summary>
public static class EvaluationFigures
{
    /// <summary>The d2l-style training chart of a finished (or loaded) run.</summary>
    public static Figure Training(TrainingHistory history, string title)
    {
        var stepsPerEpoch = history.Epochs.Count == 0 ? Math.Max(1, history.MovingLoss.Count) : history.MovingLoss.Count / history.Epochs.Count;
        return Charts.TrainingCurves(title, history.MovingLoss, Math.Max(1, stepsPerEpoch),
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
            return ImageGrid.Render("No mistakes to show", [(new RgbImage(1, 1, [255, 255, 255]), "every prediction was right")], 1);
        }

        var cells = mistakes.Select(m => (DataFigures.Picture(split, predictions.Indices[m]),
            $"{Captions.Short(classNames[predictions.Predicted[m]])} {predictions.Confidence[m]:P0}\ntrue: {Captions.Short(classNames[predictions.Actual[m]])}")).ToList();
        return ImageGrid.Render($"Most confident mistakes ({dataName}): predicted class and probability, then the true class", cells, columns: 8, cellSize: 88);
    }

    /// <summary>Accuracies of several models or baselines as bars, chance included.</summary>
    public static Figure Comparison(string title, IReadOnlyList<(string Name, double Accuracy)> entries) =>
        Charts.Bars(title, entries.Select(e => e.Name).ToList(), entries.Select(e => e.Accuracy).ToList(), "test accuracy", "P1");
}
