using System.Text.Json.Serialization;

namespace DeepCnn.Training;

/// <summary>One epoch's results, as the chapter prints them plus timing, and the moving loss after each of its steps.</summary>
/// <param name="Epoch">Epoch, counting from 1.</param>
/// <param name="MovingLoss">The chapter's moving-average loss at the end of the epoch (it remembers about a hundred steps, so it lags).</param>
/// <param name="MeanLoss">The plain mean of this epoch's batch losses.</param>
/// <param name="TrainAccuracy">Accuracy on training images, measured in eval mode after the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test images.</param>
/// <param name="TrainSeconds">Seconds spent on the epoch's SGD steps, batch preparation included.</param>
/// <param name="ImagesPerSecond">Training throughput of this epoch (SGD steps only, evaluation excluded).</param>
/// <param name="MovingLossPerStep">The moving loss after each step of the epoch, for the training chart.</param>
public sealed record EpochResult(
    int Epoch, double MovingLoss, double MeanLoss, double TrainAccuracy, double TestAccuracy, double TrainSeconds, double ImagesPerSecond,
    [property: JsonPropertyOrder(1)] IReadOnlyList<double> MovingLossPerStep)
{
    /// <summary>SGD steps taken in the epoch.</summary>
    [JsonIgnore]
    public int Steps => MovingLossPerStep.Count;
}
