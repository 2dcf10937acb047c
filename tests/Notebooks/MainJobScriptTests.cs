namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// tools/main-job.sh, README's main-job command, run as a reader runs it: the output folders of the quick and the full
/// profile, and the last words of a full run that cannot download CIFAR-10.
/// </summary>
[Collection(TestCollections.Standalone)]
public sealed class MainJobScriptTests
{
    private static string MainJob => Path.Combine(RepositoryPaths.Root, "tools", "main-job.sh");

    [Fact]
    public void Quick_and_full_runs_write_their_executed_notebooks_to_separate_folders()
    {
        // A notebook that passes in the quick profile and fails in the full one, under a name no other run uses, in the
        // repository's own artifacts/notebooks/ (where the script writes by default); removed afterwards.
        using var temp = new TempFolder();
        var name = $"main-job-test-{Guid.NewGuid():N}.ipynb";
        var notebook = NotebookJson.Write(temp.Combine(name),
            """Console.WriteLine($"profile: {Environment.GetEnvironmentVariable("ALEXNET_PROFILE")}");""",
            """if (Environment.GetEnvironmentVariable("ALEXNET_PROFILE") != "quick") throw new InvalidOperationException("the full run fails on purpose");""");
        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts", "notebooks");
        SeriesRunner.BuildRunner(); // the script's own build then has nothing to do while notebook runs use the build

        string[] copies = [Path.Combine(artifacts, "quick", name), Path.Combine(artifacts, "full", name), Path.Combine(artifacts, name)];
        try
        {
            var quick = ExternalProcess.Run("bash", [MainJob, "--quick", notebook], TimeSpan.FromMinutes(10));
            Assert.True(quick.ExitCode == 0, quick.Output);
            var quickCopy = File.ReadAllText(copies[0]);
            Assert.Contains("profile: quick", quickCopy, StringComparison.Ordinal);

            var full = ExternalProcess.Run("bash", [MainJob, notebook], TimeSpan.FromMinutes(10));
            Assert.Equal(1, full.ExitCode);
            Assert.Contains("the full run fails on purpose", File.ReadAllText(copies[1]), StringComparison.Ordinal);
            Assert.Equal(quickCopy, File.ReadAllText(copies[0])); // the quick run's copy is untouched
            Assert.False(File.Exists(copies[2]), $"{copies[2]} was written outside the profiles' folders");
            Assert.DoesNotContain("CIFAR-10 could not be downloaded", full.Output, StringComparison.Ordinal); // not a download failure
        }
        finally
        {
            foreach (var copy in copies)
            {
                File.Delete(copy);
            }
        }
    }

    [Fact]
    public void Offline_a_full_run_ends_naming_the_exact_quick_command()
    {
        // No network here for CIFAR-10: a mirror on a loopback port nobody listens on fails the same way, at once.
        using var temp = new TempFolder();
        SeriesRunner.BuildRunner();
        var run = ExternalProcess.Run("bash", [MainJob, "notebooks/01-learning-representations.ipynb", "--output", temp.Combine("out")], TimeSpan.FromMinutes(10),
            new Dictionary<string, string?>
            {
                ["ALEXNET_CIFAR10_SOURCE"] = $"http://127.0.0.1:{LoopbackPort.Closed()}/cifar-10-binary.tar.gz",
                ["ALEXNET_CACHE_FOLDER"] = temp.Combine("data"),
            });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CifarDownloadException", run.Output, StringComparison.Ordinal);
        var lastLines = run.Output.TrimEnd().Split('\n').TakeLast(6).ToArray();
        Assert.Contains(lastLines, line => line.Trim() == $"bash tools/main-job.sh --quick notebooks/01-learning-representations.ipynb --output {temp.Combine("out")}");
    }
}
