using System.Globalization;

namespace DeepCnn.Training;

/// <summary>What a run's <c>run.json</c> holds: what the run is, its finished epochs, and how far it got.</summary>
/// <param name="Description">What the run is.</param>
/// <param name="History">Its finished (saved) epochs.</param>
/// <param name="Status">Running, finished or diverged.</param>
/// <param name="Problem">What stopped it, when something did.</param>
public sealed record RunRecord(RunDescription Description, TrainingHistory History, RunStatus Status, string? Problem)
{
    /// <summary>The run's speed over every step of every epoch, in training images per second.</summary>
    public double ImagesPerSecond => History.MeanImagesPerSecond(Description.Options.BatchSize);

    /// <summary>
    /// One line: the moving loss (and the last epoch's mean), train and test accuracy, the speed over every step,
    /// optimiser, device and data; or that nothing is finished yet.
    /// </summary>
    public string Summary()
    {
        if (History.Last is not { } last)
        {
            return $"no epoch finished yet ({Description.Config.Variant} AlexNet on {Description.Data.Name})";
        }

        var d = Description;
        return string.Create(CultureInfo.InvariantCulture,
            $"moving loss {last.MovingLoss:F3} (epoch {last.Epoch}'s mean loss {last.MeanLoss:F3}), train acc {last.TrainAccuracy:P1}, test acc {last.TestAccuracy:P1}, " +
            $"{ImagesPerSecond:F1} images/s over all {History.Epochs.Sum(e => e.Steps)} steps on {d.Device}, " +
            $"{d.Config.Variant} AlexNet ({d.Network.TotalParameters:N0} parameters), {d.Optimizer}, {History.Epochs.Count} of {d.Options.Epochs} epoch(s) " +
            $"on {d.Data.Name} ({d.TrainImages:N0} train / {d.TestImages:N0} test images)");
    }
}
