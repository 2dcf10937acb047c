using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DeepCnn.Benchmarks.Peer;

/// <summary>
/// Finds the private PyTorch install (artifacts/pytorch-peer, or PYTORCH_PEER_DIR, or --peer-dir), optionally runs its
/// install script, and starts the worker through <c>benchmarks/peer/pytorch-env.sh</c>. The private PYTHONPATH and
/// LD_LIBRARY_PATH reach the worker process only: they hold Debian's libtorch 1.13, which must never be visible to
/// TorchSharp in this process.
/// </summary>
public static class PeerLauncher
{
    /// <summary>Lines of the worker's log kept for error messages.</summary>
    public const int LogLinesKept = 30;

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
    /// Why the peer cannot be started from <paramref name="peerFolder"/>, or null when it can: a non-Linux system, or no
    /// <c>pytorch-peer.env</c> written by the install script.
    /// </summary>
    public static string? WhyUnavailable(string repositoryRoot, string peerFolder, bool isLinux)
    {
        if (!isLinux)
        {
            return "the PyTorch peer is Debian's python3-torch, installed by a Linux script; on this system only the C# side runs";
        }

        var worker = Path.Combine(repositoryRoot, "benchmarks", "peer", "alexnet_peer.py");
        if (!File.Exists(worker))
        {
            return $"the peer's worker script is missing ({worker})";
        }

        var environment = Path.Combine(peerFolder, "pytorch-peer.env");
        return File.Exists(environment)
            ? null
            : $"the PyTorch peer is not installed (no {environment}); install it with benchmarks/peer/install-pytorch-peer.sh " +
              "(Debian 12: ~150 MB of packages unpacked into artifacts/, never system-wide) or run with --install-peer";
    }

    /// <summary>Installs if asked and needed, starts the worker, and connects with the options' thread count.</summary>
    public static PeerStart Start(string repositoryRoot, BenchmarkOptions options, Action<string> log)
    {
        var peerFolder = PeerFolder(repositoryRoot, options.PeerFolder);
        var reason = WhyUnavailable(repositoryRoot, peerFolder, OperatingSystem.IsLinux());
        if (reason is not null && options.InstallPeer && OperatingSystem.IsLinux())
        {
            log($"Installing the PyTorch peer into {peerFolder} (benchmarks/peer/install-pytorch-peer.sh) ...");
            var installed = Install(repositoryRoot, peerFolder, log);
            reason = installed ?? WhyUnavailable(repositoryRoot, peerFolder, isLinux: true);
        }

        if (reason is not null)
        {
            return PeerStart.Unavailable(reason);
        }

        var start = new ProcessStartInfo("bash")
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
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "benchmarks", "peer", "pytorch-env.sh"));
        start.ArgumentList.Add("python3");
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "benchmarks", "peer", "alexnet_peer.py"));
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

        var process = new PeerProcess(start);
        var client = new PeerClient(process.Input, process.Output, diagnostics: process.LogTail, owner: process);
        try
        {
            var info = client.Connect(options.Threads);
            return new PeerStart(client, info, null, allocator);
        }
        catch (PeerException e)
        {
            client.Dispose();
            return PeerStart.Unavailable($"the PyTorch peer did not start: {e.Message}");
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
        private readonly Queue<string> tail = new();

        public PeerProcess(ProcessStartInfo start)
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash for the PyTorch peer.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not { } line)
                {
                    return;
                }

                lock (tail)
                {
                    tail.Enqueue(line);
                    while (tail.Count > LogLinesKept)
                    {
                        tail.Dequeue();
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public TextWriter Input => process.StandardInput;

        public TextReader Output => process.StandardOutput;

        public string LogTail()
        {
            lock (tail)
            {
                return string.Join(Environment.NewLine, tail);
            }
        }

        public void Dispose()
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone.
            }
            finally
            {
                process.Dispose();
            }
        }
    }
}
