using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Notebook 05 in the class profile (<c>ALEXNET_PROFILE=class</c>), as a teacher starts it, on synthetic data and with
/// one short epoch: the profile's sizes reach the notebook, and the run is a real one, in the real cache.
/// </summary>
[Collection(TestCollections.NotebookRuns)]
public sealed partial class ClassProfileTests
{
    private static NotebookRun Run => NotebookRuns.ClassProfile;

    [Fact]
    public void Notebook_05_trains_in_the_class_profile_and_says_which_sizes_it_took()
    {
        Run.AssertSucceeded();
        var text = Run.Executed("05-training.ipynb").AllText;
        Assert.Contains("CLASS profile", text);
        Assert.Contains("DataOptions uses the class profile (TrainSubset = 10000, TestSubset = 2000)", text);
        Assert.Contains("TrainingOptions uses the class profile (Epochs = 3, TrainAccuracyImages = 1000)", text);
        Assert.DoesNotContain("QUICK profile", text);
    }

    [Fact]
    public void The_class_profile_keeps_the_full_batch_and_records_its_run_beside_real_runs_not_quick_ones()
    {
        var text = Run.Executed("05-training.ipynb").AllText;
        Assert.Contains("2 steps of 64 images per epoch", text); // the quick profile would cut batches to 16
        var summary = NotebookExecutionTests.SummaryLine().Match(text);
        Assert.True(summary.Success, "05 printed no summary line");
        Assert.Contains("1 of 1 epoch(s) on SYNTHETIC", summary.Value);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(Run.CacheFolder, "runs")));
        Assert.True(File.Exists(Path.Combine(run, "best.ckpt")), $"{run} has no best.ckpt");
        Assert.False(Directory.Exists(Path.Combine(Run.CacheFolder, "quick")), "the class profile wrote into the quick profile's cache");
    }

    [Fact]
    public void Notebook_05_gives_the_class_profiles_sizes_and_the_same_measured_time_as_readme()
    {
        // The time is measured once, by hand (10,000 images for three epochs); both places must state that measurement.
        var notebook = string.Concat(NotebookJson.Cells(NotebookJson.Load(Path.Combine(RepositoryPaths.Notebooks, "05-training.ipynb")), "markdown")
            .Select(NotebookJson.Source));
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var measured = MeasuredTime().Match(notebook);
        Assert.True(measured.Success, "05's parameters text states no measured time for the class profile");
        Assert.Contains($"training took {measured.Value}", readme);
        Assert.Contains("`TrainSubset = 10_000` and `TestSubset = 2_000`", notebook);
        Assert.Contains("`Epochs = 3` and `TrainAccuracyImages = 1_000`", notebook);
    }

    [GeneratedRegex(@"\d+ min \d+ s")]
    private static partial Regex MeasuredTime();
}
