namespace DeepCnn.NotebookExecution.Tests;

/// <summary>
/// Tests that run notebooks inside the test host: a run sets the process's current directory,
/// environment and formatters, so these never run in parallel with each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCollection
{
    public const string Name = "in-process notebook runs";
}
