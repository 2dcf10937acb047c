using System.Diagnostics;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs the whole notebook series once, in the quick profile, the way the main job does: the helper library's
/// Release build, then the notebook runner as its own process (TorchSharp's natives load as in a reader's kernel).
/// Data, checkpoints and executed copies go to a temporary folder, never to the repository's data/.
/// </summary>
public sealed class QuickSeriesRun : IDisposable
{
    private readonly TempFolder temp = new();

    public QuickSeriesRun()
    {
        Build("helpers/Notebook/DeepCnn.Notebook.csproj"); // and the helper library it references
        Build("tools/NotebookRunner/DeepCnn.NotebookRunner.csproj");
        OutputFolder = temp.Combine("executed");
        var runner = Path.Combine(RepositoryPaths.Root, "tools", "NotebookRunner", "bin", "Release", "net10.0", "DeepCnn.NotebookRunner.dll");
        (ExitCode, Log) = Run("dotnet",
            [runner, "--quick", "--env", $"ALEXNET_CACHE_FOLDER={temp.Combine("data")}", "--output", OutputFolder, RepositoryPaths.Notebooks],
            TimeSpan.FromMinutes(20));
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string OutputFolder { get; }

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose() => temp.Dispose();

    private static void Build(string project)
    {
        // The test run has restored already; a restore here could race with it.
        var (code, log) = Run("dotnet", ["build", Path.Combine(RepositoryPaths.Root, project), "-c", "Release", "--no-restore", "--nologo", "-v", "quiet"],
            TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            throw new InvalidOperationException($"Building {project} failed ({code}):\n{log}");
        }
    }

    private static (int Code, string Log) Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The series must not inherit a profile or overrides from whoever runs the tests.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("ALEXNET_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {limit}\n{output.Result}\n{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

[CollectionDefinition(Name)]
public sealed class QuickSeriesCollection : ICollectionFixture<QuickSeriesRun>
{
    public const string Name = "the notebook series, quick profile";
}
