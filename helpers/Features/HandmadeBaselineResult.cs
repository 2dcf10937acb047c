using System.Text.Json;
using System.Text.Json.Serialization;
using DeepCnn.IO;

namespace DeepCnn.Features;

/// <summary>
/// What the hand-made baseline of notebook 01 measured, saved as JSON so that notebook 06 can set AlexNet's accuracy
/// beside it without recomputing it.
/// </summary>
public sealed record HandmadeBaselineResult
{
    /// <summary>The layout version this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // A missing field is an error, not a silent 0 that notebook 06 would print as an accuracy.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        // Per-class accuracy is NaN for a class absent from the test set.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Layout version of the file; <see cref="Load"/> refuses any other than <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Fraction of test images labelled correctly, 0..1.</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Fraction of training images labelled correctly, 0..1.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Test accuracy per class, in the order of <see cref="ClassNames"/>.</summary>
    public required IReadOnlyList<double> PerClassTestAccuracy { get; init; }

    /// <summary>The data set's class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Length of each image's feature vector.</summary>
    public required int FeatureDimension { get; init; }

    /// <summary>Which features, in words (see <see cref="HandmadeFeatureExtractor.ToString"/>).</summary>
    public required string FeatureDescription { get; init; }

    /// <summary>Training images used.</summary>
    public required int TrainCount { get; init; }

    /// <summary>Test images used.</summary>
    public required int TestCount { get; init; }

    /// <summary>Which data it ran on and where it was read from (<c>DataOrigin.Description</c>).</summary>
    public required string DataDescription { get; init; }

    /// <summary>True when the data was synthetic stand-in data, whose accuracies say nothing about CIFAR-10.</summary>
    public required bool IsSynthetic { get; init; }

    /// <summary>Seconds spent computing the features of both splits.</summary>
    public required double FeatureSeconds { get; init; }

    /// <summary>Seconds spent training the classifier.</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>When the run finished.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>One line for a notebook's output.</summary>
    [JsonIgnore]
    public string Summary =>
        $"Hand-made features (D = {FeatureDimension}) + linear classifier: test accuracy {TestAccuracy:P1}, " +
        $"train {TrainAccuracy:P1} ({TrainCount:N0} train / {TestCount:N0} test images; features {FeatureSeconds:F1} s, " +
        $"training {TrainingSeconds:F1} s) on {(IsSynthetic ? "SYNTHETIC data (not CIFAR-10)" : "CIFAR-10")}";

    /// <summary>Writes the result to <paramref name="path"/> as JSON, whole or not at all.</summary>
    public void Save(string path) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>Reads a result written by <see cref="Save"/>; the error for a missing or malformed file names it.</summary>
    public static HandmadeBaselineResult Load(string path)
    {
        const string Expected = "a hand-made baseline result written by HandmadeBaselineResult.Save (notebook 01)";
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file; expected {Expected}. Run notebook 01 first.", path);
        }

        HandmadeBaselineResult? result;
        try
        {
            result = JsonSerializer.Deserialize<HandmadeBaselineResult>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not readable as JSON of {Expected} ({e.Message}).", e);
        }

        var problem = result is null ? "the file holds JSON null" : Problem(result);
        return problem is null
            ? result!
            : throw new InvalidDataException($"{path}: {problem}; expected {Expected}.");
    }

    /// <summary>As <see cref="Load"/>, but null when the file does not exist (notebook 01 has not run yet).</summary>
    public static HandmadeBaselineResult? TryLoad(string path) => File.Exists(path) ? Load(path) : null;

    /// <summary>What makes a parsed result unusable, or null when it is sound.</summary>
    private static string? Problem(HandmadeBaselineResult result)
    {
        static bool IsFraction(double value) => value is >= 0 and <= 1;
        return result switch
        {
            { FormatVersion: not CurrentFormatVersion } =>
                $"format version {result.FormatVersion}, this code reads version {CurrentFormatVersion}",
            _ when !IsFraction(result.TestAccuracy) || !IsFraction(result.TrainAccuracy) =>
                $"accuracies {result.TestAccuracy} (test) and {result.TrainAccuracy} (train) are not fractions 0..1",
            _ when result.PerClassTestAccuracy.Count != result.ClassNames.Count =>
                $"{result.PerClassTestAccuracy.Count} per-class accuracies for {result.ClassNames.Count} class names",
            _ when result.TrainCount < 1 || result.TestCount < 1 || result.FeatureDimension < 1 =>
                $"train count {result.TrainCount}, test count {result.TestCount} and feature dimension {result.FeatureDimension} must all be positive",
            _ => null,
        };
    }
}
