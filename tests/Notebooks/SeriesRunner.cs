namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs notebooks the way the main job does: the helper library's Release build, then the notebook runner as its own
/// process (TorchSharp's natives load as in a reader's kernel), in the quick profile, never touching the repository's data/.
/// </summary>
internal static class SeriesRunner
{
    private static readonly Lock Gate = new();
    private static bool helpersBuilt;
    private static bool runnerBuilt;

    /// <summary>Builds the Release helper library and its notebook edge, which every notebook references by path (once per test run).</summary>
    public static void BuildHelpers()
    {
        lock (Gate)
        {
            if (!helpersBuilt)
            {
                Build("helpers/Notebook/DeepCnn.Notebook.csproj"); // and the helper library it references
                helpersBuilt = true;
            }
        }
    }

    /// <summary>Executes <paramref name="notebooks"/> (files or a folder) in the quick profile; executed copies go to <paramref name="output"/>.</summary>
    public static (int ExitCode, string Log) RunQuick(string cacheFolder, string output, params string[] notebooks) =>
        RunQuick(cacheFolder, output, null, notebooks);

    /// <summary>Runs one notebook in the quick profile, calling <paramref name="onLine"/> with each line and <paramref name="whileRunning"/> with the runner's id.</summary>
    public static ExternalProcess.Outcome RunQuick(string cacheFolder, string output, string notebook, Action<string> onLine, Action<int> whileRunning)
    {
        BuildRunner();
        return ExternalProcess.Run("dotnet",
            [Runner, "--quick", "--env", $"ALEXNET_CACHE_FOLDER={cacheFolder}", "--output", output, notebook], TimeSpan.FromMinutes(20),
            whileRunning: whileRunning, onLine: onLine);
    }

    /// <summary>As <see cref="RunQuick(string, string, string[])"/>, passing every line the runner prints to <paramref name="onLine"/>.</summary>
    public static (int ExitCode, string Log) RunQuick(string cacheFolder, string output, Action<string>? onLine, string[] notebooks,
        params string[] environment)
    {
        BuildRunner();
        var variables = environment.SelectMany(assignment => new[] { "--env", assignment });
        var run = ExternalProcess.Run("dotnet",
            [Runner, "--quick", "--env", $"ALEXNET_CACHE_FOLDER={cacheFolder}", .. variables, "--output", output, .. notebooks], TimeSpan.FromMinutes(20),
            onLine: onLine);
        return (run.ExitCode, run.Output);
    }

    private static string Runner => Path.Combine(RepositoryPaths.Root, "tools", "NotebookRunner", "bin", "Release", "net10.0", "DeepCnn.NotebookRunner.dll");

    /// <summary>Builds the Release runner and helper library once per test run; scripts that build them too then find nothing to do.</summary>
    public static void BuildRunner()
    {
        BuildHelpers();
        lock (Gate)
        {
            if (!runnerBuilt)
            {
                Build("tools/NotebookRunner/DeepCnn.NotebookRunner.csproj");
                runnerBuilt = true;
            }
        }
    }

    /// <summary>
    /// A scratch copy of the repository's layout for edited notebooks: <c>notebooks/</c> of its own and a link to the real
    /// <c>helpers/</c>, so the notebooks' relative <c>#r "../helpers/..."</c> lines still find the library.
    /// </summary>
    public static string ScratchRepository(TempFolder temp)
    {
        Directory.CreateDirectory(temp.Combine("notebooks"));
        Directory.CreateSymbolicLink(temp.Combine("helpers"), Path.Combine(RepositoryPaths.Root, "helpers"));
        return temp.Combine("notebooks");
    }

    private static void Build(string project)
    {
        // The test run has restored already; a restore here could race with it.
        var (code, log) = ExternalProcess.Run("dotnet",
            ["build", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "--no-restore", "--nologo", "-v", "quiet"], TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            throw new InvalidOperationException($"Building {project} failed ({code}):\n{log}");
        }
    }
}
