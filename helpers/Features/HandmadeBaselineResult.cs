using System.Text.Json;
using System.Text.Json.Serialization;
using DeepCnn.Data;
using DeepCnn.IO;

namespace DeepCnn.Features;

/// <summary>
/// What the hand-made baseline of notebook 01 measured, saved as JSON so that notebook 06 can set AlexNet's accuracy
/// beside it without recomputing it.
/// </summary>
public sealed record HandmadeBaselineResult
{
    /// <summary>The layout version this code writes and reads (2: the data is recorded as a <see cref="DataOrigin"/>).</summary>
    public const int CurrentFormatVersion = 2;

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

    /// <summary>Which data it ran on: what it is (CIFAR-10, a copy, synthetic, an image folder) and where it was read from.</summary>
    public required DataOrigin Origin { get; init; }

    /// <summary>Which data it ran on and where it was read from, in words (<see cref="DataOrigin.Description"/>).</summary>
    [JsonIgnore]
    public string DataDescription => Origin.Description;

    /// <summary>True when the data was synthetic stand-in data, whose accuracies say nothing about CIFAR-10.</summary>
    [JsonIgnore]
    public bool IsSynthetic => Origin.IsSynthetic;

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
        $"training {TrainingSeconds:F1} s) on {Origin.Name}";

    /// <summary>
    /// What this pipeline typically reaches on CIFAR-10 (colour and gradient histograms with a linear classifier, the
    /// classic features of Stanford's CS231n exercise): roughly 40 to 50 % test accuracy.
    /// </summary>
    public static (double Low, double High) Cifar10Reference { get; } = (0.40, 0.50);

    /// <summary>
    /// Sentences computed from this result: what it measured, on which data, against chance, its best and worst class,
    /// and, only when the data is verified CIFAR-10, how it compares with <see cref="Cifar10Reference"/>.
    /// </summary>
    public string Findings()
    {
        var ranked = PerClassTestAccuracy.Select((accuracy, c) => (Accuracy: accuracy, Name: ClassNames[c]))
            .Where(c => !double.IsNaN(c.Accuracy)).OrderByDescending(c => c.Accuracy).ToList();
        var classes = ranked.Count < 2 ? ""
            : ranked[0].Accuracy == ranked[^1].Accuracy ? $" Every class scored {Percent(ranked[0].Accuracy, 0)}."
            : $" Best class '{ranked[0].Name}' ({Percent(ranked[0].Accuracy, 0)}), worst '{ranked[^1].Name}' ({Percent(ranked[^1].Accuracy, 0)}).";
        var measured = $"This run measured {Percent(TestAccuracy, 1)} test accuracy ({Percent(TrainAccuracy, 1)} on the training images) on {Origin.Name}: " +
            $"{TrainCount:N0} training and {TestCount:N0} test images, {ClassNames.Count} classes, where guessing at random scores {Percent(1.0 / ClassNames.Count, 1)}.{classes}";
        if (Origin.IsSynthetic)
        {
            return measured + " The data is synthetic, so this says how well the features separate generated shapes, and nothing about photographs.";
        }

        if (!Origin.IsCifar10)
        {
            return measured + " The data is not CIFAR-10, so published CIFAR-10 figures do not apply; compare it with AlexNet on the same data in notebook 06.";
        }

        var (low, high) = Cifar10Reference;
        var where = TestAccuracy < low ? "below" : TestAccuracy > high ? "above" : "within";
        var subset = TrainCount < 50_000 ? $", here from {TrainCount:N0} of the 50,000 training images" : "";
        return measured + $" On CIFAR-10 these features with a linear classifier typically reach {Percent(low, 0)} to {Percent(high, 0)} " +
            $"(the classic features of Stanford's CS231n exercise); this run is {where} that range{subset}. Classes with a telling colour " +
            "or background (sky behind aeroplanes, water under ships) tend to do best there, and classes that differ in details of shape (cat and dog) worst.";
    }

    /// <summary>A fraction as a percentage with <paramref name="decimals"/> decimals, written the same in every culture ("47.3%").</summary>
    private static string Percent(double fraction, int decimals) =>
        (fraction * 100).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), System.Globalization.CultureInfo.InvariantCulture) + "%";

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
