namespace DeepCnn.Tests.Notebooks;

/// <summary>Ctrl+C during notebook 05's training, with our runner: a clean stop, not a crash.</summary>
[Collection(TestCollections.NotebookRuns)]
public sealed class CancelledRunTests
{
    private static NotebookRun Run => NotebookRuns.Cancelled;

    [Fact]
    public void Ctrl_C_during_training_exits_130_reports_the_notebook_cancelled_and_keeps_the_executed_copy()
    {
        Assert.True(Run.ExitCode == 130, $"exit code {Run.ExitCode}:\n{Run.Log}");
        Assert.Contains("1 cancelled", Run.Log);
        Assert.Contains("CANCELLED", Run.Log);
        Assert.DoesNotContain("process ended", Run.Log); // no crash report
        var executed = Run.Executed("05-training.ipynb");
        var training = executed.CodeCells.First(c => NotebookJson.Source(c).StartsWith("TrainingLoop.Run(", StringComparison.Ordinal));
        Assert.Equal("Cancelled", (string?)training["outputs"]!.AsArray().Last()!["ename"]);
        Assert.Contains("SYNTHETIC", executed.AllText); // the cells before it kept their outputs
    }
}
