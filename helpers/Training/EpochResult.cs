namespace DeepCnn.Training;

/// <summary>One epoch's results, as the chapter prints them plus timing.</summary>
/// <param name="Epoch">Epoch, counting from 1.</param>
/// <param name="MovingLoss">The chapter's moving-average loss at the end of the epoch.</param>
/// <param name="MeanLoss">The plain mean of this epoch's batch losses (the moving average lags behind it).</param>
/// <param name="TrainAccuracy">Accuracy on training images, measured in eval mode after the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test images.</param>
/// <param name="TrainSeconds">Seconds spent on the epoch's SGD steps, batch preparation included.</param>
/// <param name="ImagesPerSecond">Training throughput (SGD steps only, evaluation excluded).</param>
public sealed record EpochResult(
    int Epoch, double MovingLoss, double MeanLoss, double TrainAccuracy, double TestAccuracy, double TrainSeconds, double ImagesPerSecond);
