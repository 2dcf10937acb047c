using System.Diagnostics;
using DeepCnn.Data;
using TorchSharp;

namespace DeepCnn.Features;

/// <summary>
/// The whole pre-2012 pipeline in one call: hand-made features of every image, a linear classifier trained on the
/// training split, accuracies measured on both splits.
/// </summary>
public static class HandmadeBaseline
{
    /// <summary>
    /// Runs the pipeline on <paramref name="data"/> and reports what it measured; <paramref name="progress"/> hears
    /// about feature batches and training steps. Cut <paramref name="data"/> with <c>Subset</c> for a quick run.
    /// </summary>
    public static HandmadeBaselineResult Run(
        CifarDataSet data,
        HandmadeBaselineOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new HandmadeBaselineOptions();
        var extractor = new HandmadeFeatureExtractor(options.Features);
        progress?.Report($"data: {data}");
        progress?.Report($"features: {extractor}");

        using var scope = torch.NewDisposeScope();
        var featureClock = Stopwatch.StartNew();
        var trainFeatures = extractor.Extract(data.Train, progress, cancellationToken);
        var testFeatures = extractor.Extract(data.Test, progress, cancellationToken);
        var featureSeconds = featureClock.Elapsed.TotalSeconds;

        var trainLabels = SplitTensors.Labels(data.Train);
        var testLabels = SplitTensors.Labels(data.Test);
        using var classifier = LinearSoftmaxClassifier.Train(
            trainFeatures, trainLabels, data.ClassNames.Count, options.Classifier, progress, cancellationToken);
        var train = classifier.Score(trainFeatures, trainLabels);
        var test = classifier.Score(testFeatures, testLabels);

        var result = new HandmadeBaselineResult
        {
            TestAccuracy = test.Accuracy,
            TrainAccuracy = train.Accuracy,
            PerClassTestAccuracy = test.PerClassAccuracy,
            ClassNames = data.ClassNames,
            FeatureDimension = extractor.Dimension,
            FeatureDescription = extractor.ToString(),
            TrainCount = data.Train.Count,
            TestCount = data.Test.Count,
            Origin = data.Origin,
            FeatureSeconds = featureSeconds,
            TrainingSeconds = classifier.TrainingTime.TotalSeconds,
            CreatedAt = DateTimeOffset.Now,
        };
        progress?.Report(result.Summary);
        return result;
    }
}
