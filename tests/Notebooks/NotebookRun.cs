namespace DeepCnn.Tests.Notebooks;

/// <summary>One execution of some notebooks, by our runner or by nbconvert: how it ended and where its copies are.</summary>
/// <param name="Name">What the run is, for messages.</param>
/// <param name="ExitCode">The runner's exit code (for nbconvert, the first non-zero one).</param>
/// <param name="Log">Everything it printed.</param>
/// <param name="OutputFolder">Where the executed copies are.</param>
/// <param name="CacheFolder">The data and runs folder it used.</param>
internal sealed record NotebookRun(string Name, int ExitCode, string Log, string OutputFolder, string CacheFolder)
{
    public ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    /// <summary>Fails with the run's log unless it exited 0.</summary>
    public void AssertSucceeded() => Assert.True(ExitCode == 0, $"{Name} exited with {ExitCode}:\n{Log}");
}
