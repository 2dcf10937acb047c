using System.Diagnostics;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// The set-up scripts (tools/install-prerequisites.sh, tools/install-test-clients.sh and tools/lib/apt.sh): they wait
/// for the package manager's lock instead of failing, install only what is missing, and the test command CI runs is
/// README's. A lock file of the test's own stands in for dpkg's (DEEPCNN_APT_LOCKS), and fake apt-get, dpkg-query
/// and sudo on PATH stand in for the real ones, so nothing on the machine is locked or installed.
/// </summary>
[Collection(TestCollections.Standalone)]
public sealed class SetupScriptTests
{
    private static string Tools => Path.Combine(RepositoryPaths.Root, "tools");

    [Fact]
    public void Apt_waits_for_a_lock_another_process_holds_and_names_that_process()
    {
        using var temp = new TempFolder();
        var lockFile = temp.Combine("lock-frontend");
        using var holder = LockHolder.Hold(lockFile, TimeSpan.FromSeconds(4));
        var clock = Stopwatch.StartNew();

        var run = Bash(". tools/lib/apt.sh; wait_for_apt_locks; echo after-the-wait", new() { ["DEEPCNN_APT_LOCKS"] = lockFile });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"returned after {clock.Elapsed} while the lock was held:\n{run.Output}");
        Assert.Contains($"pid {holder.ProcessId} (python3) on {lockFile}", run.Output, StringComparison.Ordinal);
        Assert.True(
            run.Output.IndexOf("Waiting for the package manager", StringComparison.Ordinal) < run.Output.IndexOf("after-the-wait", StringComparison.Ordinal),
            run.Output);
    }

    [Fact]
    public void Apt_gives_up_after_its_limit_naming_the_holder()
    {
        using var temp = new TempFolder();
        var lockFile = temp.Combine("lock");
        using var holder = LockHolder.Hold(lockFile, TimeSpan.FromMinutes(2));

        var run = Bash(". tools/lib/apt.sh; wait_for_apt_locks", new() { ["DEEPCNN_APT_LOCKS"] = lockFile, ["DEEPCNN_APT_LOCK_WAIT"] = "2" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"still in use after", run.Output, StringComparison.Ordinal);
        Assert.Contains($"pid {holder.ProcessId} (python3)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Installing_the_test_clients_waits_for_the_lock_then_installs_only_what_is_missing()
    {
        using var temp = new TempFolder();
        var lockFile = temp.Combine("lock-frontend");
        var fakes = FakePackageTools(temp, installed: ["iproute2", "chromium"]);
        using var holder = LockHolder.Hold(lockFile, TimeSpan.FromSeconds(3));

        var run = ExternalProcess.Run("bash", [Path.Combine(Tools, "install-test-clients.sh")], TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["PATH"] = fakes.Path, ["DEEPCNN_APT_LOCKS"] = lockFile });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"pid {holder.ProcessId} (python3)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Installing the clients the notebook tests drive: jupyter-nbconvert python3-nbformat", run.Output, StringComparison.Ordinal);
        var calls = File.ReadAllLines(fakes.Log);
        Assert.Equal(2, calls.Length);
        Assert.Contains("update", calls[0], StringComparison.Ordinal);
        Assert.EndsWith("install -y -qq --no-install-recommends jupyter-nbconvert python3-nbformat", calls[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Set_up_changes_nothing_when_everything_is_in_place()
    {
        // The test command installs the prerequisites and the clients before the tests run, so here they are in
        // place: neither script may call apt-get or sudo (the fakes record any call and fail).
        using var temp = new TempFolder();
        var fakes = FakePackageTools(temp, installed: null);

        foreach (var script in new[] { "install-prerequisites.sh", "install-test-clients.sh" })
        {
            var run = ExternalProcess.Run("bash", [Path.Combine(Tools, script)], TimeSpan.FromMinutes(2),
                new Dictionary<string, string?> { ["PATH"] = fakes.Path });

            Assert.True(run.ExitCode == 0, $"{script}:\n{run.Output}");
            Assert.Contains("in place", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Installing", run.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(fakes.Log), File.Exists(fakes.Log) ? File.ReadAllText(fakes.Log) : "");
    }

    [Fact]
    public void Ci_runs_readmes_test_command_which_ends_in_dotnet_test_of_the_solution()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var firstBlock = readme[(readme.IndexOf("```bash\n", StringComparison.Ordinal) + 8)..];
        var commands = firstBlock[..firstBlock.IndexOf("```", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('#')[0].Trim()).ToArray();
        const string TestCommand = "bash tools/prepare-tests.sh && dotnet test AlexNetSeries.slnx -c Release --no-build";
        Assert.Equal(["bash tools/main-job.sh", "bash tools/main-job.sh --quick", TestCommand], commands);

        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.Equal(TestCommand, ci[^1]);
        var prepare = File.ReadAllLines(Path.Combine(Tools, "prepare-tests.sh")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.Equal("dotnet build AlexNetSeries.slnx -c Release --nologo", prepare[^1]);
    }

    private static ExternalProcess.Outcome Bash(string script, Dictionary<string, string?> environment) =>
        ExternalProcess.Run("bash", ["-c", "set -euo pipefail; " + script], TimeSpan.FromMinutes(2), environment);

    /// <summary>
    /// A folder with fake apt-get, sudo and (when <paramref name="installed"/> is given) dpkg-query, put before the
    /// real ones on PATH. Each call of apt-get or sudo is appended to the log. With <paramref name="installed"/> null,
    /// the real dpkg-query answers and any apt-get or sudo call fails; otherwise apt-get "installs" what it is asked
    /// for, which dpkg-query then reports as installed.
    /// </summary>
    private static (string Path, string Log) FakePackageTools(TempFolder temp, string[]? installed)
    {
        var bin = temp.Combine("fake-bin");
        var log = temp.Combine("calls.log");
        var state = temp.Combine("installed");
        Directory.CreateDirectory(bin);
        if (installed is null)
        {
            Script(bin, "apt-get", $"echo \"apt-get $*\" >> '{log}'; exit 100");
            Script(bin, "sudo", $"echo \"sudo $*\" >> '{log}'; exit 1");
        }
        else
        {
            File.WriteAllLines(state, installed);
            Script(bin, "apt-get", $"""
                echo "apt-get $*" >> '{log}'
                if [[ " $* " == *" install "* ]]; then
                  for word in "$@"; do case "$word" in -*|install) ;; *) echo "$word" >> '{state}' ;; esac; done
                fi
                """);
            Script(bin, "sudo", "exec \"$@\"");
            Script(bin, "dpkg-query", $$"""
                package="${!#}"
                grep -qx "$package" '{{state}}' && printf 'install ok installed' || { echo "dpkg-query: no packages found matching $package" >&2; exit 1; }
                """);
        }

        return ($"{bin}:{Environment.GetEnvironmentVariable("PATH")}", log);
    }

    private static void Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{body}\n");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A process that holds an fcntl write lock on a file, as dpkg and apt do, for a while.</summary>
    private sealed class LockHolder : IDisposable
    {
        private readonly Process process;

        private LockHolder(Process process) => this.process = process;

        public int ProcessId => process.Id;

        public static LockHolder Hold(string file, TimeSpan howLong)
        {
            File.WriteAllText(file, "");
            var start = new ProcessStartInfo(JupyterClients.Python) { RedirectStandardOutput = true };
            foreach (var argument in new[]
            {
                "-c",
                "import fcntl, sys, time\n" +
                "f = open(sys.argv[1], 'r+')\n" +
                "fcntl.lockf(f, fcntl.LOCK_EX)\n" +
                "print('locked', flush=True)\n" +
                "time.sleep(float(sys.argv[2]))\n",
                file,
                howLong.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            Assert.Equal("locked", process.StandardOutput.ReadLine());
            return new LockHolder(process);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit();
            process.Dispose();
        }
    }
}
