using DeepCnn.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Features;

public sealed class LinearSoftmaxClassifierTests
{
    [Fact]
    public void Classifier_learns_a_linearly_separable_toy_problem()
    {
        using var scope = torch.NewDisposeScope();
        var (trainX, trainY) = Blobs(perClass: 100, seed: 1);
        var (testX, testY) = Blobs(perClass: 50, seed: 2);

        using var classifier = LinearSoftmaxClassifier.Train(trainX, trainY, classCount: 3);
        var train = classifier.Score(trainX, trainY);
        var test = classifier.Score(testX, testY);

        // Neighbouring centres lie over 8 noise standard deviations apart: a linear model should get every point.
        Assert.Equal(1.0, train.Accuracy);
        Assert.True(test.Accuracy >= 0.99, $"test accuracy {test.Accuracy:P1}");
        Assert.All(test.PerClassAccuracy, accuracy => Assert.True(accuracy >= 0.98, $"per class {accuracy:P1}"));
        Assert.Equal(150, test.Count);
        Assert.True(classifier.TrainingTime > TimeSpan.Zero);
        Assert.True(classifier.FinalLoss < 0.1, $"final loss {classifier.FinalLoss}");
    }

    [Fact]
    public void Classifier_with_mini_batches_is_repeatable_for_the_same_seed()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Blobs(perClass: 40, seed: 3);
        var options = new LinearClassifierOptions { BatchSize = 16, Steps = 60, Seed = 5 };

        using var first = LinearSoftmaxClassifier.Train(x, y, 3, options);
        using var second = LinearSoftmaxClassifier.Train(x, y, 3, options);

        Assert.Equal(first.Scores(x).data<float>().ToArray(), second.Scores(x).data<float>().ToArray());
        Assert.Equal(first.FinalLoss, second.FinalLoss);
    }

    [Fact]
    public void Classifier_reports_NaN_for_a_class_missing_from_the_scored_set()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Blobs(perClass: 30, seed: 4);
        using var classifier = LinearSoftmaxClassifier.Train(x, y, classCount: 4, new LinearClassifierOptions { Steps = 50 });

        var score = classifier.Score(x, y);

        Assert.Equal(4, score.PerClassAccuracy.Count);
        Assert.True(double.IsNaN(score.PerClassAccuracy[3]));
    }

    [Fact]
    public void Classifier_leaves_no_tensor_alive_once_disposed()
    {
        var (x, y) = Blobs(perClass: 20, seed: 5);
        var before = TestImages.LiveTensors;

        using (var classifier = LinearSoftmaxClassifier.Train(x, y, 3, new LinearClassifierOptions { Steps = 30, BatchSize = 8 }))
        {
            classifier.Score(x, y);
        }

        Assert.Equal(before, TestImages.LiveTensors);
        x.Dispose();
        y.Dispose();
    }

    [Fact]
    public void Classifier_rejects_labels_outside_the_classes()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = Blobs(perClass: 5, seed: 6);

        var error = Assert.Throws<ArgumentException>(() => LinearSoftmaxClassifier.Train(x, y, classCount: 2));
        Assert.Contains("expected 0..1", error.Message);
    }

    /// <summary>Three Gaussian blobs in 5 dimensions: class k centred 3 units out along axis k, noise of standard deviation 0.5.</summary>
    private static (Tensor Features, Tensor Labels) Blobs(int perClass, int seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator((ulong)seed);
        var labels = torch.arange(3).repeat_interleave(perClass);
        var centres = torch.eye(3, 5).mul(3);
        var features = centres.index_select(0, labels).add(torch.randn(3 * perClass, 5, generator: generator).mul(0.5));
        return (features.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
