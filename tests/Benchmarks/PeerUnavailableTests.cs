using DeepCnn.Benchmarks;
using DeepCnn.Benchmarks.Peer;
using DeepCnn.Compute;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

public sealed class PeerUnavailableTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string FakeRepository(bool withWorker = true)
    {
        File.WriteAllText(temp.Combine(RepositoryRoot.Marker), "<Solution />");
        Directory.CreateDirectory(temp.Combine("benchmarks", "peer"));
        if (withWorker)
        {
            File.WriteAllText(temp.Combine("benchmarks", "peer", "alexnet_peer.py"), "");
        }

        return temp.Path;
    }

    [Fact]
    public void Without_an_install_the_reason_names_the_install_script()
    {
        var root = FakeRepository();
        var reason = PeerLauncher.WhyUnavailable(root, PeerLauncher.PeerFolder(root, "artifacts/pytorch-peer"), isLinux: true);
        Assert.NotNull(reason);
        Assert.Contains("install-pytorch-peer.sh", reason);
        Assert.Contains("--install-peer", reason);
    }

    [Fact]
    public void Off_linux_the_reason_says_only_csharp_runs()
    {
        var root = FakeRepository();
        Assert.Contains("only the C# side runs", PeerLauncher.WhyUnavailable(root, temp.Path, isLinux: false));
    }

    [Fact]
    public void An_installed_peer_is_available()
    {
        var root = FakeRepository();
        var folder = temp.Combine("peer");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pytorch-peer.env"), "PEER_PYTHON=/usr/bin/python3\n");
        Assert.Null(PeerLauncher.WhyUnavailable(root, folder, isLinux: true));
    }

    [Fact]
    public void Starting_without_an_install_gives_an_unavailable_peer_instead_of_failing()
    {
        var root = FakeRepository();
        var start = PeerLauncher.Start(root, new BenchmarkOptions { PeerFolder = temp.Combine("nowhere") }, "cpu", _ => { });
        Assert.False(start.Available);
        Assert.Null(start.Client);
        Assert.NotNull(start.Reason);
    }

    [Fact]
    public void A_peer_python_path_that_names_no_file_is_reported_with_the_option()
    {
        var root = FakeRepository();

        var reason = PeerLauncher.WhyUnavailable(root, "venv/bin/python3", temp.Path, isLinux: true);
        Assert.Contains("--peer-python venv/bin/python3: no such file", reason);
        Assert.Null(PeerLauncher.WhyUnavailable(root, "python3", temp.Path, isLinux: true));
        Assert.Contains("Linux only", PeerLauncher.WhyUnavailable(root, "python3", temp.Path, isLinux: false));
    }

    [Fact]
    public void Peer_python_runs_the_worker_with_that_interpreter_and_passes_the_device()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/python3"))
        {
            return;
        }

        // A stand-in worker with the real protocol's first two answers, so no PyTorch is needed.
        var root = FakeRepository();
        File.WriteAllText(temp.Combine("benchmarks", "peer", "alexnet_peer.py"), """
            import json, os, sys
            params = {"chapter": 21247306, "classic": 46787978}
            for line in sys.stdin:
                req = json.loads(line)
                out = {"ok": True, "op": req["op"], "id": req.get("id")}
                if req["op"] == "info":
                    out.update(torch="9.9.9", python="3", python_executable=sys.executable, cpu="test cpu",
                               blas={"libraries": [], "name": "test BLAS"}, mkldnn=False, cuda_version=None, params=params,
                               peer_dir=os.environ.get("PYTORCH_PEER_DIR"))
                elif req["op"] == "setup":
                    out.update(threads=req["threads"], interop_threads=1, blas_threads=None, seed=0, params=params,
                               device=req["device"], device_name="test device", cudnn=None)
                print(json.dumps(out), flush=True)
                if req["op"] == "quit":
                    break
            """);
        var options = new BenchmarkOptions { PeerPython = "/usr/bin/python3", PeerFolder = temp.Combine("nowhere"), Threads = 3 };

        var start = PeerLauncher.Start(root, options, "cuda:0", _ => { });
        using var client = start.Client;
        Assert.True(start.Available, start.Reason);
        Assert.Equal("9.9.9", start.Info!.Torch);
        Assert.Equal("cuda:0", start.Info.Device);
        Assert.Equal("test BLAS", start.Info.BlasDescription);
        Assert.Equal(3, start.Info.Threads);
        Assert.StartsWith("/usr/bin/python3", start.Info.Executable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peer_python_that_cannot_run_the_worker_leaves_an_unavailable_peer_naming_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var root = FakeRepository();
        var fake = temp.Combine("not-python");
        File.WriteAllText(fake, "#!/bin/sh\necho 'no torch here' >&2\nexit 3\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = PeerLauncher.Start(root, new BenchmarkOptions { PeerPython = fake }, "cpu", _ => { });

        Assert.False(start.Available);
        Assert.Contains(fake, start.Reason);
        Assert.Contains("no torch here", start.Reason);
    }

    [Fact]
    public void A_report_without_a_peer_says_why_shows_no_ratios_and_leaves_parity_unjudged()
    {
        var figures = new List<Figure>
        {
            new(FigureKeys.Train(AlexNetVariant.Classic), "Training", "Classic, batch 64", "images/s", Better.Higher, Reading.Of(30), null),
            new(FigureKeys.PeakMemory(AlexNetVariant.Classic), "Memory", "Classic, peak", "MB", Better.Lower, Reading.Of(1500), null),
        };
        var options = new BenchmarkOptions { Variants = [AlexNetVariant.Classic] };
        var targets = TargetReader.Read(options, figures, [], ceilingGflops: 180);
        var report = ReportSamples.Report(figures, targets, peer: null, peerUnavailable: "the run was started with --no-peer");

        var markdown = ReportRenderer.Markdown(report);
        Assert.Contains("No Python figures: the run was started with --no-peer", markdown);
        Assert.Contains("| Training | Classic, batch 64 (images/s) | 30.0 | - |  |", markdown);
        var parity = targets.Single(t => t.Target.StartsWith("C# throughput", StringComparison.Ordinal));
        Assert.Null(parity.Met);
        Assert.Equal("not measured", parity.Word);
        Assert.True(targets.Single(t => t.Target.StartsWith("Peak memory", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void The_allocator_is_tuned_once_per_process_and_says_what_it_did()
    {
        var first = AllocatorTuning.Apply();
        Assert.Same(first, AllocatorTuning.Apply());
        Assert.Same(first, AllocatorTuning.Current);
        Assert.False(string.IsNullOrWhiteSpace(first.Description));
    }
}
