namespace DeepCnn.Tests.Notebooks;

/// <summary>The two test collections of this assembly (see AssemblyInfo.cs).</summary>
internal static class TestCollections
{
    /// <summary>Tests that read what the shared notebook runs (<see cref="NotebookRuns"/>) executed.</summary>
    public const string NotebookRuns = "Notebook runs";

    /// <summary>Tests that execute nothing of the shared runs: the committed files, scripts, the kernel, the tools.</summary>
    public const string Standalone = "Standalone";
}
