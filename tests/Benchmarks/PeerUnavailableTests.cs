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
        var start = PeerLauncher.Start(root, new BenchmarkOptions { PeerFolder = temp.Combine("nowhere") }, _ => { });
        Assert.False(start.Available);
        Assert.Null(start.Client);
        Assert.NotNull(start.Reason);
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
