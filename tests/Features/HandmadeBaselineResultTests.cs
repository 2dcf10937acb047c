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
        // The lists are new objects after loading, so compare the rest field by field through a copy that shares them.
        Assert.Equal(original with { PerClassTestAccuracy = loaded.PerClassTestAccuracy, ClassNames = loaded.ClassNames }, loaded);
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
        DataDescription = "SYNTHETIC data in the CIFAR-10 layout (not CIFAR-10), read from /tmp/x",
        IsSynthetic = true,
        FeatureSeconds = 2.5,
        TrainingSeconds = 4.25,
        CreatedAt = new DateTimeOffset(2026, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)),
    };
}
