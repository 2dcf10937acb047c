namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs the whole notebook series once, in the quick profile, the way the main job does: the helper library's
/// Release build, then the notebook runner as its own process (TorchSharp's natives load as in a reader's kernel).
/// Data, checkpoints and executed copies go to a temporary folder, never to the repository's data/.
/// </summary>
public sealed class QuickSeriesRun : IDisposable
{
    private static readonly Lock BuildGate = new();
    private static bool built;
    private readonly TempFolder temp = new();

    public QuickSeriesRun()
    {
        BuildHelpers();
        Build("tools/NotebookRunner/DeepCnn.NotebookRunner.csproj");
        OutputFolder = temp.Combine("executed");
        var runner = Path.Combine(RepositoryPaths.Root, "tools", "NotebookRunner", "bin", "Release", "net10.0", "DeepCnn.NotebookRunner.dll");
        (ExitCode, Log) = ExternalProcess.Run("dotnet",
            [runner, "--quick", "--env", $"ALEXNET_CACHE_FOLDER={temp.Combine("data")}", "--output", OutputFolder, RepositoryPaths.Notebooks],
            TimeSpan.FromMinutes(20));
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string OutputFolder { get; }

    /// <summary>Builds the Release helper library and its notebook edge, which every notebook references by path (once per test run).</summary>
    public static void BuildHelpers()
    {
        lock (BuildGate)
        {
            if (!built)
            {
                Build("helpers/Notebook/DeepCnn.Notebook.csproj"); // and the helper library it references
                built = true;
            }
        }
    }

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose() => temp.Dispose();

    private static void Build(string project)
    {
        // The test run has restored already; a restore here could race with it.
        var (code, log) = ExternalProcess.Run("dotnet", ["build", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "--no-restore", "--nologo", "-v", "quiet"],
            TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            throw new InvalidOperationException($"Building {project} failed ({code}):\n{log}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class QuickSeriesCollection : ICollectionFixture<QuickSeriesRun>
{
    public const string Name = "the notebook series, quick profile";
}
