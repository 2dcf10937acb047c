namespace DeepCnn.Tests.Notebooks;

[Collection(TestCollections.NotebookRuns)]
public sealed class AnswerKeyExecutionTests
{
    private static NotebookRun Run => NotebookRuns.Keys;

    public static TheoryData<string> Keys => new(AnswerKeys.Files.Select(Path.GetFileName)!);

    [Fact]
    public void Every_key_runs_to_the_end_in_the_quick_profile()
    {
        Run.AssertSucceeded();
        Assert.Contains($"{AnswerKeys.Files.Count} succeeded, 0 failed", Run.Log);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_cell_of_the_key_ran_without_errors(string key)
    {
        var executed = Run.Executed(key);
        Assert.True(executed.AllCellsRan, $"{key}: not every cell ran\n{Run.Log}");
        Assert.Empty(executed.Errors);
        Assert.Contains("QUICK profile", executed.AllText);
    }

    /// <summary>The keys whose code loads CIFAR-10 (the others never touch data).</summary>
    public static TheoryData<string> KeysThatLoadData => new(AnswerKeys.Files
        .Where(f => NotebookJson.Cells(NotebookJson.Load(f), "code").Any(c => NotebookJson.Source(c).Contains("LoadAsync(", StringComparison.Ordinal)))
        .Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(KeysThatLoadData))]
    public void A_key_that_loads_data_took_the_quick_profiles_synthetic_data(string key)
    {
        Assert.Contains("SYNTHETIC", Run.Executed(key).AllText);
    }
}
