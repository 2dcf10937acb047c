namespace DeepCnn.Tests.Benchmarks;

// pytorch-env.sh puts the peer's folder back in front of the env file's relative paths, so an install survives
// a moved repository; absolute paths (from installs made before) pass through unchanged.
public sealed class PeerEnvironmentScriptTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Script => Path.Combine(RepositoryPaths.Root, "benchmarks", "peer", "pytorch-env.sh");

    private string Peer(string envFile)
    {
        var folder = temp.Combine("moved peer");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pytorch-peer.env"), envFile);
        return folder;
    }

    private static (int ExitCode, string Output) Run(string peerFolder, params string[] arguments) =>
        Run(peerFolder, new Dictionary<string, string?>(), arguments);

    private static (int ExitCode, string Output) Run(string peerFolder, Dictionary<string, string?> environment, params string[] arguments)
    {
        environment["PYTORCH_PEER_DIR"] = peerFolder;
        var run = ExternalProcess.Run("bash", [Script, .. arguments], TimeSpan.FromMinutes(1), environment);
        Assert.False(run.TimedOut, "pytorch-env.sh did not finish");
        return (run.ExitCode, run.Output);
    }

    [Fact]
    public void Relative_paths_are_resolved_against_the_peer_folder_and_absolute_ones_kept()
    {
        var folder = Peer("PYTHONPATH=root/usr/lib/python3/dist-packages\nLD_LIBRARY_PATH=root/lib:/opt/blas\nPEER_PYTHON=/usr/bin/python3\n");

        var (exitCode, output) = Run(folder);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"PYTHONPATH={folder}/root/usr/lib/python3/dist-packages", lines);
        Assert.Contains($"LD_LIBRARY_PATH={folder}/root/lib:/opt/blas", lines);
        Assert.Contains("PEER_PYTHON=/usr/bin/python3", lines);
    }

    [Fact]
    public void A_command_sees_the_resolved_paths_in_its_environment()
    {
        var folder = Peer("PYTHONPATH=root/site\nLD_LIBRARY_PATH=root/lib\nPEER_PYTHON=/usr/bin/python3\n");

        var (exitCode, output) = Run(folder, "printenv", "PYTHONPATH");

        Assert.Equal(0, exitCode);
        Assert.Equal($"{folder}/root/site", output.Trim());
    }

    [Fact]
    public void Without_an_env_file_it_names_the_install_script()
    {
        var (exitCode, output) = Run(temp.Combine("not installed"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("install-pytorch-peer.sh", output);
    }

    [Fact]
    public void OpenBlas_gets_the_newest_core_type_the_processor_runs_unless_the_caller_chose_one()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return;
        }

        var flags = " " + File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("flags", StringComparison.Ordinal)).Split(':')[1] + " ";
        var expected = flags.Contains(" avx512f ", StringComparison.Ordinal) && flags.Contains(" avx512bw ", StringComparison.Ordinal) &&
                       flags.Contains(" avx512vl ", StringComparison.Ordinal)
            ? flags.Contains(" avx512_bf16 ", StringComparison.Ordinal) ? "Cooperlake" : "SkylakeX"
            : flags.Contains(" avx2 ", StringComparison.Ordinal) && flags.Contains(" fma ", StringComparison.Ordinal) ? "Haswell" : "";
        var folder = Peer("PYTHONPATH=root/site\nLD_LIBRARY_PATH=root/lib\nPEER_PYTHON=/usr/bin/python3\n");

        var chosen = Run(folder, new Dictionary<string, string?> { ["OPENBLAS_CORETYPE"] = null }, "printenv", "OPENBLAS_CORETYPE");
        var callers = Run(folder, new Dictionary<string, string?> { ["OPENBLAS_CORETYPE"] = "Prescott" }, "printenv", "OPENBLAS_CORETYPE");

        Assert.Equal(expected, chosen.Output.Trim());
        Assert.Equal("Prescott", callers.Output.Trim());
    }
}
