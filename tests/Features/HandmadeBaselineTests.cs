using DeepCnn.Features;
using Xunit.Abstractions;

namespace DeepCnn.Tests.Features;

[Collection(SyntheticDataCollection.Name)]
public sealed class HandmadeBaselineTests(SyntheticDataFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Baseline_on_synthetic_data_scores_well_above_chance()
    {
        var messages = new List<string>();
        var result = HandmadeBaseline.Run(fixture.Data, progress: new SynchronousProgress(messages.Add));
        output.WriteLine(result.Summary);
        output.WriteLine(string.Join(", ", result.ClassNames.Zip(result.PerClassTestAccuracy, (name, accuracy) => $"{name} {accuracy:P0}")));

        // Chance is 10% with ten balanced classes. The synthetic classes are shapes that HOG sees well, so a
        // working pipeline lands far above that; 40% leaves room for noise and still fails if features or training break.
        Assert.True(result.TestAccuracy >= 0.40, result.Summary);
        Assert.True(result.TrainAccuracy >= result.TestAccuracy - 0.05, result.Summary);
        Assert.Equal(312, result.FeatureDimension);
        Assert.Equal((SyntheticDataFixture.TrainCount, SyntheticDataFixture.TestCount), (result.TrainCount, result.TestCount));
        Assert.True(result.IsSynthetic);
        Assert.Contains("SYNTHETIC", result.DataDescription);
        Assert.Contains("SYNTHETIC", result.Summary);
        Assert.Equal(10, result.PerClassTestAccuracy.Count);
        Assert.Contains(messages, message => message.StartsWith("linear classifier: step 300", StringComparison.Ordinal));
    }

    [Fact]
    public void Baseline_runs_on_a_copy_with_its_own_classes_and_names_it_by_its_folder()
    {
        using var temp = new TempFolder();
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", ["owl", "cat", "fox"], [60, 20, 40], [12, 4, 8]);
        var data = DeepCnn.Data.CifarReader.ReadFolder(folder);

        var result = HandmadeBaseline.Run(data, new HandmadeBaselineOptions { Classifier = new LinearClassifierOptions { Steps = 50 } });

        Assert.Equal(3, result.PerClassTestAccuracy.Count);
        Assert.Equal(["owl", "cat", "fox"], result.ClassNames);
        Assert.EndsWith("on 'mycopy' (CIFAR-10 layout, not verified as CIFAR-10)", result.Summary);
        Assert.True(result.TestAccuracy > 0.5, result.Summary);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every message before it asserts.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
