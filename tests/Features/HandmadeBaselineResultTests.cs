using DeepCnn.Data;
using DeepCnn.Features;

namespace DeepCnn.Tests.Features;

public sealed class HandmadeBaselineResultTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Result_survives_a_JSON_round_trip()
    {
        var path = _folder.Combine("baseline.json");
        var original = Example();

        original.Save(path);
        var loaded = HandmadeBaselineResult.Load(path);

        Assert.Equal(original.TestAccuracy, loaded.TestAccuracy);
        Assert.Equal(original.TrainAccuracy, loaded.TrainAccuracy);
        Assert.Equal(original.PerClassTestAccuracy, loaded.PerClassTestAccuracy);
        Assert.Equal(original.ClassNames, loaded.ClassNames);
        Assert.Equal(original.CreatedAt, loaded.CreatedAt);
        Assert.Equal(original.Origin.Kind, loaded.Origin.Kind);
        Assert.Equal(original.Origin.Description, loaded.Origin.Description);
        // The lists are new objects after loading, so compare the rest field by field through a copy that shares them.
        Assert.Equal(original with { PerClassTestAccuracy = loaded.PerClassTestAccuracy, ClassNames = loaded.ClassNames, Origin = loaded.Origin }, loaded);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void Loading_malformed_JSON_names_the_file_and_what_was_expected()
    {
        var path = _folder.Combine("broken.json");
        File.WriteAllText(path, "{ \"TestAccuracy\": 0.5, ");

        var error = Assert.Throws<InvalidDataException>(() => HandmadeBaselineResult.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("hand-made baseline result", error.Message);
    }

    [Fact]
    public void Loading_JSON_without_a_field_names_the_file_and_the_field()
    {
        var path = _folder.Combine("partial.json");
        File.WriteAllText(path, "{ \"TestAccuracy\": 0.5 }");

        var error = Assert.Throws<InvalidDataException>(() => HandmadeBaselineResult.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("TrainAccuracy", error.Message);
    }

    [Fact]
    public void Loading_a_result_with_an_impossible_accuracy_says_so()
    {
        var path = _folder.Combine("impossible.json");
        (Example() with { TestAccuracy = 61.2 }).Save(path);

        var error = Assert.Throws<InvalidDataException>(() => HandmadeBaselineResult.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not fractions 0..1", error.Message);
    }

    [Fact]
    public void Loading_a_missing_file_names_it_and_says_which_notebook_writes_it()
    {
        var path = _folder.Combine("absent.json");

        var error = Assert.Throws<FileNotFoundException>(() => HandmadeBaselineResult.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("notebook 01", error.Message);
    }

    [Fact]
    public void Findings_on_verified_cifar_10_compare_the_run_with_the_published_range()
    {
        var result = Example() with { TestAccuracy = 0.47, Origin = Origin(DataOriginKind.Cifar10) };

        var findings = result.Findings();

        Assert.Contains("on CIFAR-10", findings);
        Assert.Contains("this run is within that range, here from 2,000 of the 50,000 training images", findings);
        Assert.Contains("Best class 'synthetic ring' (70%), worst 'synthetic disc' (50%)", findings);
    }

    [Theory]
    [InlineData(DataOriginKind.CifarLayoutCopy, "not CIFAR-10, so published CIFAR-10 figures do not apply")]
    [InlineData(DataOriginKind.ImageFolder, "not CIFAR-10, so published CIFAR-10 figures do not apply")]
    [InlineData(DataOriginKind.Synthetic, "The data is synthetic")]
    public void Findings_on_other_data_say_what_the_run_measured_on_what_and_leave_the_cifar_10_figures_out(DataOriginKind kind, string note)
    {
        var result = Example() with { Origin = Origin(kind) };

        var findings = result.Findings();

        Assert.StartsWith($"This run measured 61.2% test accuracy (83.0% on the training images) on {result.Origin.Name}: 2,000 training and 500 test images, 3 classes",
            findings);
        Assert.Contains(note, findings);
        Assert.DoesNotContain("40%", findings);
        Assert.DoesNotContain("range", findings);
    }

    [Fact]
    public void Findings_say_every_class_scored_the_same_instead_of_naming_a_best_and_a_worst()
    {
        var result = Example() with { PerClassTestAccuracy = [1.0, 1.0, 1.0] };

        Assert.Contains("Every class scored 100%.", result.Findings());
        Assert.DoesNotContain("Best class", result.Findings());
    }

    private static DataOrigin Origin(DataOriginKind kind) =>
        new(kind, "/data/x", "x", ["synthetic disc", "synthetic ring", "synthetic h-stripes"], 2_000, 500, "checked");

    private static HandmadeBaselineResult Example() => new()
    {
        TestAccuracy = 0.612,
        TrainAccuracy = 0.83,
        PerClassTestAccuracy = [0.5, 0.7, double.NaN],
        ClassNames = ["synthetic disc", "synthetic ring", "synthetic h-stripes"],
        FeatureDimension = 312,
        FeatureDescription = "colour histogram 3 x 8 bins + HOG: D = 312",
        TrainCount = 2_000,
        TestCount = 500,
        Origin = new DataOrigin(DataOriginKind.Synthetic, "/tmp/x", "x", ["synthetic disc", "synthetic ring", "synthetic h-stripes"], 2_000, 500, "generated"),
        FeatureSeconds = 2.5,
        TrainingSeconds = 4.25,
        CreatedAt = new DateTimeOffset(2026, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)),
    };
}
