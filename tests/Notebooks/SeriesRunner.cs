using System.Diagnostics;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs notebooks the way the main job does: the helper library's Release build, then the notebook runner as its own
/// process (TorchSharp's natives load as in a reader's kernel), in the quick profile, never touching the repository's data/.
/// </summary>
internal static class SeriesRunner
{
    private static readonly Lock Gate = new();
    private static bool built;

    /// <summary>Builds the Release library and the runner once per test run.</summary>
    public static void EnsureBuilt()
    {
        lock (Gate)
        {
            if (built)
            {
                return;
            }

            Build("helpers/Notebook/DeepCnn.Notebook.csproj"); // and the helper library it references
            Build("tools/NotebookRunner/DeepCnn.NotebookRunner.csproj");
            built = true;
        }
    }

    /// <summary>Executes <paramref name="notebooks"/> (files or a folder) in the quick profile; executed copies go to <paramref name="output"/>.</summary>
    public static (int ExitCode, string Log) RunQuick(string cacheFolder, string output, params string[] notebooks)
    {
        EnsureBuilt();
        var runner = Path.Combine(RepositoryPaths.Root, "tools", "NotebookRunner", "bin", "Release", "net10.0", "DeepCnn.NotebookRunner.dll");
        return Run("dotnet", [runner, "--quick", "--env", $"ALEXNET_CACHE_FOLDER={cacheFolder}", "--output", output, .. notebooks], TimeSpan.FromMinutes(20));
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
