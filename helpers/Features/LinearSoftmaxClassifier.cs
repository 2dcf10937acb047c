using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace DeepCnn.Features;

/// <summary>
/// Multinomial logistic regression, the "simple linear model" that pre-2012 features were dumped into: the features
/// are standardised with the training mean and standard deviation, then one linear layer gives a score per class and
/// softmax cross-entropy with an L2 penalty is minimised by Adam.
/// </summary>
public sealed class LinearSoftmaxClassifier : IDisposable
{
    private readonly Tensor _mean;
    private readonly Tensor _std;
    private readonly TorchSharp.Modules.Linear _layer;

    private LinearSoftmaxClassifier(Tensor mean, Tensor std, TorchSharp.Modules.Linear layer, TimeSpan trainingTime, double finalLoss)
    {
        _mean = mean;
        _std = std;
        _layer = layer;
        TrainingTime = trainingTime;
        FinalLoss = finalLoss;
    }

    /// <summary>Length of the feature vectors it takes.</summary>
    public int FeatureCount => (int)_mean.shape[0];

    /// <summary>Number of classes it tells apart.</summary>
    public int ClassCount => (int)_layer.weight!.shape[0];

    /// <summary>Wall-clock time of <see cref="Train"/>, standardisation included.</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Regularised cross-entropy on the last step's batch.</summary>
    public double FinalLoss { get; }

    /// <summary>
    /// Fits a classifier to <paramref name="features"/> (float N x D) and <paramref name="labels"/> (N integers in
    /// 0..<paramref name="classCount"/>-1). Seeded: the same inputs and options give the same classifier.
    /// </summary>
    public static LinearSoftmaxClassifier Train(
        Tensor features,
        Tensor labels,
        int classCount,
        LinearClassifierOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LinearClassifierOptions();
        var (_, dimension) = RequireExamples(features, labels, nameof(features));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReportEvery, 1);
        if (options.BatchSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"BatchSize {options.BatchSize}; expected null (full batch) or at least 1.");
        }

        var stopwatch = Stopwatch.StartNew();
        Tensor mean, std, x, y;
        using var scope = torch.NewDisposeScope();
        using (torch.no_grad())
        {
            y = ClassIndices(labels, classCount);

            x = features.to(ScalarType.Float32);
            mean = x.mean([0]);
            // A feature that never varies (an always-empty colour bin) keeps a divisor of 1 instead of 0.
            var spread = x.std(0);
            std = torch.where(spread.gt(1e-6), spread, torch.ones_like(spread));
            x = x.sub(mean).div(std);
            // The classifier outlives this scope and any scope the caller has open.
            mean.DetachFromDisposeScope();
            std.DetachFromDisposeScope();
        }

        // Zero start: the loss is convex, so the start only matters for speed, and zeros make every run identical.
        var layer = torch.nn.Linear(dimension, classCount);
        try
        {
            var loss = Fit(layer, x, y, options, progress, cancellationToken);
            return new LinearSoftmaxClassifier(mean, std, layer, stopwatch.Elapsed, loss);
        }
        catch
        {
            // Cancelled or failed: nothing else will ever dispose what was detached for the classifier.
            layer.Dispose();
            mean.Dispose();
            std.Dispose();
            throw;
        }
    }

    /// <summary>The training loop proper; returns the last step's loss.</summary>
    private static double Fit(
        TorchSharp.Modules.Linear layer,
        Tensor x,
        Tensor y,
        LinearClassifierOptions options,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        using (torch.no_grad())
        {
            torch.nn.init.zeros_(layer.weight!);
            torch.nn.init.zeros_(layer.bias!);
        }

        using var optimizer = torch.optim.Adam(layer.parameters(), options.LearningRate);
        using var generator = new torch.Generator((ulong)options.Seed);
        var count = x.shape[0];
        var batchSize = Math.Min(options.BatchSize ?? count, count);
        var loss = double.NaN;
        for (var step = 1; step <= options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepScope = torch.NewDisposeScope();
            var (batchX, batchY) = (x, y);
            if (batchSize < count)
            {
                var pick = torch.randint(count, [batchSize], generator: generator);
                (batchX, batchY) = (x.index_select(0, pick), y.index_select(0, pick));
            }

            optimizer.zero_grad();
            var objective = F.cross_entropy(layer.forward(batchX), batchY)
                .add(layer.weight!.square().sum().mul(options.WeightDecay / 2));
            objective.backward();
            optimizer.step();

            if (step % options.ReportEvery == 0 || step == options.Steps)
            {
                loss = objective.item<float>();
                progress?.Report($"linear classifier: step {step} / {options.Steps}, loss {loss:F4}");
            }
        }

        return loss;
    }

    /// <summary>Class scores (logits), float N x <see cref="ClassCount"/>, for features N x D in the training layout.</summary>
    public Tensor Scores(Tensor features)
    {
        RequireFeatures(features, nameof(features));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var standardised = features.to(ScalarType.Float32).sub(_mean).div(_std);
        return _layer.forward(standardised).MoveToOuterDisposeScope();
    }

    /// <summary>The most likely class of each example: int64 tensor of length N.</summary>
    public Tensor Predict(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        return Scores(features).argmax(1).MoveToOuterDisposeScope();
    }

    /// <summary>Accuracy overall and per true class on <paramref name="features"/> with true <paramref name="labels"/>.</summary>
    public ClassificationScore Score(Tensor features, Tensor labels)
    {
        var (count, _) = RequireExamples(features, labels, nameof(features));
        using var scope = torch.NewDisposeScope();
        var truth = ClassIndices(labels, ClassCount);
        var correct = Predict(features).eq(truth).to(ScalarType.Float64);
        var perClassTotal = torch.bincount(truth, minlength: ClassCount).to(ScalarType.Float64);
        var perClassCorrect = torch.bincount(truth, correct, minlength: ClassCount);
        // 0 / 0 is NaN: a class absent from this set has no accuracy, which is not the same as 0.
        var perClass = perClassCorrect.div(perClassTotal).data<double>().ToArray();
        return new ClassificationScore(correct.mean().item<double>(), perClass, checked((int)count));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _layer.Dispose();
        _mean.Dispose();
        _std.Dispose();
    }

    private void RequireFeatures(Tensor features, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(features, parameterName);
        if (features.dim() != 2 || features.shape[1] != FeatureCount)
        {
            throw new ArgumentException(
                $"Features of shape [{string.Join(", ", features.shape)}]; expected N x {FeatureCount}, as in training.", parameterName);
        }
    }

    /// <summary>Labels as int64 class indices, checked to lie in 0..classCount-1.</summary>
    private static Tensor ClassIndices(Tensor labels, int classCount)
    {
        var indices = labels.to(ScalarType.Int64);
        var (low, high) = (indices.min().item<long>(), indices.max().item<long>());
        return low >= 0 && high < classCount
            ? indices
            : throw new ArgumentException($"Labels span {low}..{high}; expected 0..{classCount - 1}.", nameof(labels));
    }

    private static (long Count, long Dimension) RequireExamples(Tensor features, Tensor labels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(features, parameterName);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.dim() != 2 || features.shape[0] < 1)
        {
            throw new ArgumentException(
                $"Features of shape [{string.Join(", ", features.shape)}]; expected N x D with N >= 1.", parameterName);
        }

        if (labels.dim() != 1 || labels.shape[0] != features.shape[0])
        {
            throw new ArgumentException(
                $"Labels of shape [{string.Join(", ", labels.shape)}]; expected one per feature row ({features.shape[0]}).", nameof(labels));
        }

        return (features.shape[0], features.shape[1]);
    }
}
