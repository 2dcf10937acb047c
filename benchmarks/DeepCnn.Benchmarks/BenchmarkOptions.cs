using System.Globalization;
using DeepCnn.Models;

namespace DeepCnn.Benchmarks;

/// <summary>
/// What the benchmark measures and how often. Defaults answer the issue (batch 64 training, batch 256 evaluation,
/// 224x224, both variants) and keep a full run under ten minutes on two cores; <c>--quick</c> shrinks everything for
/// a smoke run, and explicit flags win over it.
/// </summary>
public sealed record BenchmarkOptions
{
    /// <summary>Timed repetitions per figure and side; the median is reported.</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>Untimed repetitions per figure and side before the timed ones.</summary>
    public int Warmup { get; init; } = 1;

    /// <summary>CPU threads for both sides (TorchSharp and PyTorch + its BLAS).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Images per training step.</summary>
    public int TrainBatch { get; init; } = 64;

    /// <summary>Images per evaluation forward pass.</summary>
    public int EvalBatch { get; init; } = 256;

    /// <summary>Training steps over which memory growth is measured, after <see cref="GrowthWarmupSteps"/>.</summary>
    public int GrowthSteps { get; init; } = 200;

    /// <summary>Steps before the growth baseline is read (optimiser state and allocator pools settle).</summary>
    public int GrowthWarmupSteps { get; init; } = 20;

    /// <summary>
    /// Images per step in the growth run. A leak is per step, whatever the batch; a small batch keeps 2 x 220 steps
    /// per variant inside the time budget.
    /// </summary>
    public int GrowthBatch { get; init; } = 8;

    /// <summary>Batches per repetition of the input-pipeline measurement.</summary>
    public int PipelineBatches { get; init; } = 10;

    /// <summary>Side of the matrix product timed on both sides, alternating, before and after the rest.</summary>
    public int MatrixSize { get; init; } = 2048;

    /// <summary>Sides of the products whose fastest is the measured ceiling (a few repetitions each, each side).</summary>
    public IReadOnlyList<int> CeilingSizes { get; init; } = [1024, 2048, 3072, 4096];

    /// <summary>Where both sides run: "cpu" (default), "cuda" or "auto" (the peer follows what the C# side got).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Which AlexNet variants to measure, in order.</summary>
    public IReadOnlyList<AlexNetVariant> Variants { get; init; } = [AlexNetVariant.Chapter, AlexNetVariant.Classic];

    /// <summary>Run the per-layer profile of a training step per variant.</summary>
    public bool Profile { get; init; } = true;

    /// <summary>Profiled steps per variant and side (the report gives row-by-row medians).</summary>
    public int ProfileSteps { get; init; } = 3;

    /// <summary>
    /// Run the growth check on the peer too. Off by default: it doubles the longest part of the run, and the check is
    /// about this library's dispose discipline, not PyTorch's.
    /// </summary>
    public bool PeerGrowth { get; init; }

    /// <summary>Start the PyTorch peer when it is installed.</summary>
    public bool UsePeer { get; init; } = true;

    /// <summary>Run the peer's install script first when it is not installed.</summary>
    public bool InstallPeer { get; init; }

    /// <summary>The C# process's allocator setting (null: ALEXNET_ALLOCATOR, else the library's default).</summary>
    public Compute.AllocatorChoice? Allocator { get; init; }

    /// <summary>Measure every allocator setting in a child process of its own (speed and true peak memory).</summary>
    public bool AllocatorRuns { get; init; } = true;

    /// <summary>Timed training steps per variant in each allocator child (after <see cref="AllocatorWarmupSteps"/>).</summary>
    public int AllocatorSteps { get; init; } = 12;

    /// <summary>Steps before them in each allocator child; memory is sampled through them too.</summary>
    public int AllocatorWarmupSteps { get; init; } = 2;

    /// <summary>Run the peer with this Python interpreter (any PyTorch) instead of the private Debian install.</summary>
    public string? PeerPython { get; init; }

    /// <summary>Load the libtorch in this folder (e.g. a PyTorch install's torch/lib) before TorchSharp's first use.</summary>
    public string? LibTorch { get; init; }

    /// <summary>Give the peer the same malloc thresholds (through glibc's environment variables), for a like-for-like check.</summary>
    public bool TunePeerAllocator { get; init; }

    /// <summary>The smoke-run sizes were asked for.</summary>
    public bool Quick { get; init; }

    /// <summary>Where the report goes, relative to the repository root unless absolute.</summary>
    public string OutputFolder { get; init; } = Path.Combine("artifacts", "benchmarks");

    /// <summary>The peer's install folder (null: PYTORCH_PEER_DIR, else artifacts/pytorch-peer).</summary>
    public string? PeerFolder { get; init; }

    /// <summary>The help text was asked for.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The sizes of a smoke run: small batches, one repetition, a short growth run.</summary>
    public BenchmarkOptions ForQuick() => this with
    {
        Quick = true,
        Repetitions = 2,
        TrainBatch = 16,
        EvalBatch = 32,
        GrowthSteps = 20,
        GrowthWarmupSteps = 5,
        GrowthBatch = 4,
        ProfileSteps = 1,
        PipelineBatches = 3,
        MatrixSize = 1024,
        CeilingSizes = [512, 1024],
        AllocatorSteps = 3,
        AllocatorWarmupSteps = 1,
    };

    /// <summary>The command-line usage.</summary>
    public const string Usage = """
        AlexNet throughput and memory benchmark: TorchSharp (this library) and PyTorch side by side, in one run.

        dotnet run --project benchmarks/DeepCnn.Benchmarks -c Release -- [options]

          --reps N             timed repetitions per figure and side (default 5); the median is reported
          --warmup N           untimed repetitions before them (default 1)
          --threads N          CPU threads for both sides (default: logical cores)
          --quick              smoke run: batch 16/32, 2 repetitions, 20 growth steps (explicit flags still win)
          --train-batch N      images per training step (default 64)
          --eval-batch N       images per evaluation pass (default 256)
          --growth-steps N     steps over which memory growth is measured (default 200)
          --growth-batch N     images per step in the growth run (default 8)
          --variants LIST      chapter,classic (default both)
          --device NAME        cpu (default), cuda or auto, for both sides (the peer follows the C# side)
          --profile-steps N    profiled training steps per variant and side (default 3)
          --no-profile         skip the per-layer profiles
          --peer-growth        run the memory-growth check on the PyTorch peer too (doubles its time)
          --no-peer            C# only
          --peer-python PATH   run the peer with this Python (any PyTorch, CPU or CUDA build) instead of the
                               private Debian install; benchmarks/peer/debian-python is that install
          --install-peer       install the PyTorch peer first if missing (benchmarks/peer/install-pytorch-peer.sh)
          --peer-dir PATH      the peer's install folder (default: PYTORCH_PEER_DIR or artifacts/pytorch-peer)
          --libtorch FOLDER    load this libtorch before TorchSharp (a PyTorch install's torch/lib); needs a published
                               folder without TorchSharp's own libtorch (see benchmarks/README.md)
          --allocator NAME     this process's allocator setting: default or tuned (default: ALEXNET_ALLOCATOR, else
                               the library's default)
          --allocator-steps N  timed steps per variant in each allocator setting's own process (default 12)
          --no-allocator-runs  skip the per-setting processes (speed and true peak memory of each setting)
          --tune-peer-allocator  give the peer the same malloc thresholds as "tuned" (like-for-like check)
          --out PATH           report folder (default artifacts/benchmarks)
          --help               this text
        """;

    /// <summary>Reads command-line arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("--quick");
        var options = quick ? new BenchmarkOptions().ForQuick() : new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{arg} needs a value; see --help.");
                }

                return args[++i];
            }

            int Count(int minimum)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
                {
                    throw new ArgumentException($"{arg} expects a whole number of at least {minimum}, got '{text}'.");
                }

                return value;
            }

            options = arg switch
            {
                "--quick" => options,
                "--reps" => options with { Repetitions = Count(1) },
                "--warmup" => options with { Warmup = Count(0) },
                "--threads" => options with { Threads = Count(1) },
                "--train-batch" => options with { TrainBatch = Count(1) },
                "--eval-batch" => options with { EvalBatch = Count(1) },
                "--growth-steps" => options with { GrowthSteps = Count(1) },
                "--growth-batch" => options with { GrowthBatch = Count(1) },
                "--variants" => options with { Variants = AlexNetVariants.ParseList(Value(), "--variants") },
                "--device" => options with { Device = Value() },
                "--no-profile" => options with { Profile = false },
                "--profile-steps" => options with { ProfileSteps = Count(1) },
                "--peer-growth" => options with { PeerGrowth = true },
                "--no-peer" => options with { UsePeer = false },
                "--install-peer" => options with { InstallPeer = true },
                "--peer-dir" => options with { PeerFolder = Value() },
                "--allocator" => options with { Allocator = ParseAllocator(Value()) },
                "--allocator-steps" => options with { AllocatorSteps = Count(1) },
                "--no-allocator-runs" => options with { AllocatorRuns = false },
                "--peer-python" => options with { PeerPython = Value() },
                "--libtorch" => options with { LibTorch = Value() },
                "--tune-peer-allocator" => options with { TunePeerAllocator = true },
                "--out" => options with { OutputFolder = Value() },
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown argument '{arg}'; see --help."),
            };
        }

        return options;
    }

    /// <summary>An allocator setting's name ("default", "tuned") from the command line.</summary>
    public static Compute.AllocatorChoice ParseAllocator(string name) => Compute.AllocatorTuning.TryParseName(name, out var choice)
        ? choice
        : throw new ArgumentException(
            $"--allocator expects one of: {string.Join(", ", Enum.GetValues<Compute.AllocatorChoice>().Select(Compute.AllocatorTuning.Name))}; got '{name}'.");

    /// <summary>One line for the report: the sizes this run used.</summary>
    public string Describe() => FormattableString.Invariant(
        $"{Repetitions} timed repetition(s) after {Warmup} warm-up per figure and side, alternating C# and Python; training batch {TrainBatch}, evaluation batch {EvalBatch}, {AlexNetInput.Side}x{AlexNetInput.Side}; growth over {GrowthSteps} steps after {GrowthWarmupSteps} at batch {GrowthBatch} ({(PeerGrowth ? "both sides" : "C# only")}); profile {ProfileSteps} step(s) per side; pipeline {PipelineBatches} batches a repetition; matmul {MatrixSize}x{MatrixSize}, ceiling sizes {string.Join("/", CeilingSizes)}; allocator settings {(AllocatorRuns ? $"{AllocatorWarmupSteps} + {AllocatorSteps} steps each" : "not compared")}; {Threads} thread(s); device {Device}")
        + (Quick ? "; QUICK smoke-run sizes" : "");
}
