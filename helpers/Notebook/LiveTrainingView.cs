using System.Diagnostics;
using DeepCnn.Plotting;
using DeepCnn.Training;

namespace DeepCnn.Notebook;

/// <summary>
/// What a reader watches while AlexNet trains: a progress bar with the moving loss and speed, and the d2l-style
/// chart (moving loss per step, train/test accuracy per epoch) redrawn in place every few seconds and after
/// every epoch. Pass it as the trainer's progress.
/// </summary>
public sealed class LiveTrainingView : IProgress<TrainingProgress>
{
    private readonly ProgressPanel panel;
    private readonly DisplayHandle chart;
    private readonly Stopwatch sinceChart = Stopwatch.StartNew();
    private readonly List<double> movingLoss = [];
    private readonly List<double> meanLoss = [];
    private readonly List<double> trainAccuracy = [];
    private readonly List<double> testAccuracy = [];
    private readonly string title;
    private int stepsPerEpoch = 1;

    /// <summary>Shows an empty progress bar and chart; <paramref name="title"/> should name the model and the data.</summary>
    public LiveTrainingView(string title)
    {
        this.title = title;
        panel = ProgressPanel.Start("Training");
        chart = Display.Show(Draw());
    }

    /// <summary>Least time between two chart redraws inside an epoch.</summary>
    public TimeSpan ChartInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The latest chart.</summary>
    public Figure Chart => Draw();

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        if (value.Phase == TrainingPhase.Training)
        {
            stepsPerEpoch = value.Batches;
            movingLoss.Add(value.MovingLoss);
        }

        var caption = value.Phase switch
        {
            TrainingPhase.Training => $"epoch {value.Epoch}/{value.Epochs}, batch {value.Batch}/{value.Batches}, moving loss {value.MovingLoss:F3}, {value.ImagesPerSecond:F1} images/s",
            TrainingPhase.EvaluatingTrain => $"epoch {value.Epoch}/{value.Epochs}: measuring train accuracy, batch {value.Batch}/{value.Batches}",
            _ => $"epoch {value.Epoch}/{value.Epochs}: measuring test accuracy, batch {value.Batch}/{value.Batches}",
        };

        if (value.CompletedEpoch is { } epoch)
        {
            meanLoss.Add(epoch.MeanLoss);
            trainAccuracy.Add(epoch.TrainAccuracy);
            testAccuracy.Add(epoch.TestAccuracy);
            caption = $"epoch {epoch.Epoch}/{value.Epochs} done: moving loss {epoch.MovingLoss:F3}, train acc {epoch.TrainAccuracy:P1}, " +
                      $"test acc {epoch.TestAccuracy:P1}, {epoch.ImagesPerSecond:F1} images/s";
        }

        panel.Report(value.CompletedEpoch is not null && value.Epoch == value.Epochs ? 1 : Math.Min(value.Fraction, 0.999), caption);
        if (value.CompletedEpoch is not null || sinceChart.Elapsed >= ChartInterval)
        {
            sinceChart.Restart();
            chart.Update(Draw());
        }
    }

    private Figure Draw() => Charts.TrainingCurves(title, movingLoss, stepsPerEpoch, meanLoss, trainAccuracy, testAccuracy);
}
