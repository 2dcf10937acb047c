using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DeepCnn.Benchmarks.Peer;

/// <summary>
/// Starts the PyTorch worker (benchmarks/peer/alexnet_peer.py) with the interpreter given by <c>--peer-python</c>
/// (any Python that imports torch, CPU or CUDA build, in its own environment), or else with the private Debian install
/// (artifacts/pytorch-peer, or PYTORCH_PEER_DIR, or --peer-dir) through <c>benchmarks/peer/debian-python</c>, running the
/// install script first if asked. The private PYTHONPATH and LD_LIBRARY_PATH reach the worker process only: they hold
/// Debian's libtorch 1.13, which must never be visible to TorchSharp in this process.
/// </summary>
public static class PeerLauncher
{
    /// <summary>Lines of the worker's log kept for error messages.</summary>
    public const int LogLinesKept = 30;

    /// <summary>The wrapper that runs python3 inside the private Debian install's environment.</summary>
    public static readonly string DebianPython = Path.Combine("benchmarks", "peer", "debian-python");

    /// <summary>glibc's own environment variables for the thresholds <see cref="Compute.AllocatorTuning"/> sets with mallopt.</summary>
    public static IReadOnlyDictionary<string, string> TunedMallocEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_THRESHOLD_"] = Compute.AllocatorTuning.MmapThresholdBytes.ToString(CultureInfo.InvariantCulture),
        ["MALLOC_TRIM_THRESHOLD_"] = Compute.AllocatorTuning.TrimThresholdBytes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The peer's install folder: <paramref name="explicitFolder"/>, else PYTORCH_PEER_DIR, else artifacts/pytorch-peer.</summary>
    public static string PeerFolder(string repositoryRoot, string? explicitFolder)
    {
        var chosen = explicitFolder;
        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = Environment.GetEnvironmentVariable("PYTORCH_PEER_DIR");
        }

        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = Path.Combine(repositoryRoot, "artifacts", "pytorch-peer");
        }

        return Path.GetFullPath(chosen, repositoryRoot);
    }

    /// <summary>
    /// The worker script: the repository's, else the copy published beside this program (peer/alexnet_peer.py), so a
    /// published benchmark runs where there is no checkout; null when neither exists.
    /// </summary>
    public static string? WorkerScript(string repositoryRoot)
    {
        string[] candidates =
        [
            Path.Combine(repositoryRoot, "benchmarks", "peer", "alexnet_peer.py"),
            Path.Combine(AppContext.BaseDirectory, "peer", "alexnet_peer.py"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Why the private Debian peer cannot be started from <paramref name="peerFolder"/>, or null when it can: a non-Linux
    /// system, no worker script, or no <c>pytorch-peer.env</c> written by the install script.
    /// </summary>
    public static string? WhyUnavailable(string repositoryRoot, string peerFolder, bool isLinux)
    {
        if (!isLinux)
        {
            return "the PyTorch peer reads /proc and its private install is a Debian script: it runs on Linux only, so here only the C# side runs";
        }

        if (WorkerScript(repositoryRoot) is null)
        {
            return $"the peer's worker script is missing ({Path.Combine(repositoryRoot, "benchmarks", "peer", "alexnet_peer.py")})";
        }

        var environment = Path.Combine(peerFolder, "pytorch-peer.env");
        return File.Exists(environment)
            ? null
            : $"the PyTorch peer is not installed (no {environment}); install it with benchmarks/peer/install-pytorch-peer.sh " +
              "(Debian 12: ~150 MB of packages unpacked into artifacts/, never system-wide), run with --install-peer, " +
              "or name any Python with PyTorch with --peer-python";
    }

    /// <summary>
    /// Why the interpreter <paramref name="python"/> (from --peer-python) cannot run the worker, or null when it may: a
    /// path that names no file, a missing worker script, a non-Linux system. Whether it imports torch shows when it starts.
    /// </summary>
    public static string? WhyUnavailable(string repositoryRoot, string python, string currentDirectory, bool isLinux)
    {
        if (!isLinux)
        {
            return "the PyTorch peer reads /proc: it runs on Linux only, so here only the C# side runs";
        }

        if (WorkerScript(repositoryRoot) is null)
        {
            return $"the peer's worker script is missing ({Path.Combine(repositoryRoot, "benchmarks", "peer", "alexnet_peer.py")}, " +
                   $"{Path.Combine(AppContext.BaseDirectory, "peer", "alexnet_peer.py")})";
        }

        return python.Contains('/', StringComparison.Ordinal) && !File.Exists(Path.GetFullPath(python, currentDirectory))
            ? $"--peer-python {python}: no such file (from {currentDirectory})"
            : null;
    }

    /// <summary>
    /// Starts the worker with --peer-python's interpreter or the private install (installing it first if asked and
    /// needed), and connects with the options' thread count on <paramref name="device"/> ("cpu" or "cuda").
    /// </summary>
    public static PeerStart Start(string repositoryRoot, BenchmarkOptions options, string device, Action<string> log)
    {
        var peerFolder = PeerFolder(repositoryRoot, options.PeerFolder);
        string python;
        string? reason;
        if (options.PeerPython is { } chosen)
        {
            python = chosen.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(chosen) : chosen;
            reason = WhyUnavailable(repositoryRoot, chosen, Environment.CurrentDirectory, OperatingSystem.IsLinux());
        }
        else
        {
            python = Path.Combine(repositoryRoot, DebianPython);
            reason = WhyUnavailable(repositoryRoot, peerFolder, OperatingSystem.IsLinux());
            if (reason is not null && options.InstallPeer && OperatingSystem.IsLinux())
            {
                log($"Installing the PyTorch peer into {peerFolder} (benchmarks/peer/install-pytorch-peer.sh) ...");
                var installed = Install(repositoryRoot, peerFolder, log);
                reason = installed ?? WhyUnavailable(repositoryRoot, peerFolder, isLinux: true);
            }
        }

        if (reason is not null)
        {
            return PeerStart.Unavailable(reason);
        }

        var start = new ProcessStartInfo(python)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(WorkerScript(repositoryRoot)!);
        // Read by debian-python (pytorch-env.sh) only; any other interpreter ignores it.
        start.Environment["PYTORCH_PEER_DIR"] = peerFolder;
        var allocator = "glibc malloc defaults";
        if (options.TunePeerAllocator)
        {
            foreach (var (name, value) in TunedMallocEnvironment)
            {
                start.Environment[name] = value;
            }

            allocator = "glibc malloc keeps freed buffers (" + string.Join(", ", TunedMallocEnvironment.Select(p => $"{p.Key}={p.Value}")) + ")";
        }

        PeerProcess process;
        try
        {
            process = new PeerProcess(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return PeerStart.Unavailable($"could not start {python} for the PyTorch peer: {e.Message}");
        }

        var client = new PeerClient(process.Input, process.Output, diagnostics: process.LogTail, owner: process);
        try
        {
            var info = client.Connect(options.Threads, device: device);
            return new PeerStart(client, info, null, allocator);
        }
        catch (PeerException e)
        {
            client.Dispose();
            return PeerStart.Unavailable($"the PyTorch peer did not start with {python}: {e.Message}");
        }
    }

    private static string? Install(string repositoryRoot, string peerFolder, Action<string> log)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "benchmarks", "peer", "install-pytorch-peer.sh"));
        start.ArgumentList.Add(peerFolder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var lines = new List<string>();
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                log("  " + line);
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            return "the peer's install script did not finish within 20 minutes";
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? null
            : $"the peer's install script failed (exit {process.ExitCode}): {string.Join(" / ", lines.TakeLast(3))}";
    }

    /// <summary>The worker process: its pipes, a tail of its log, and an end that never leaves it running.</summary>
    private sealed class PeerProcess : IDisposable
    {
        private readonly Process process;
        private readonly StderrTail tail;

        public PeerProcess(ProcessStartInfo start)
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} for the PyTorch peer.");
            tail = new StderrTail(process, LogLinesKept);
        }

        public TextWriter Input => process.StandardInput;

        public TextReader Output => process.StandardOutput;

        /// <summary>The worker's last log lines, read to the end when it has stopped.</summary>
        public string LogTail() => tail.Text();

        public void Dispose()
        {
            ChildProcessEnd.Close(process, TimeSpan.FromSeconds(10));
        }
    }
}
