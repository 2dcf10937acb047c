using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DeepCnn.Benchmarks.Memory;
using DeepCnn.Benchmarks.Peer;
using DeepCnn.Compute;
using DeepCnn.Data;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Benchmarks;

/// <summary>
/// Runs the whole benchmark: the machine's ceiling, then per variant training (throughput, page faults, peak memory),
/// the per-layer profile, the memory-growth check and evaluation, then the input pipeline, each figure alternating the
/// C# and Python sides repetition by repetition; last, each allocator setting's speed and true peak memory, each in a
/// process of its own. Prints progress as it goes.
/// </summary>
public sealed class BenchmarkRunner
{
    private readonly BenchmarkOptions options;
    private readonly string root;
    private readonly Action<string> log;
    private readonly Stopwatch clock = new();
    private readonly List<Figure> figures = [];
    private readonly List<LayerProfile> profiles = [];
    private readonly List<string> notes = [];
    private readonly Dictionary<AlexNetVariant, (double CSharp, double? Python)> trainSeconds = [];
    private readonly Dictionary<AlexNetVariant, ModelSummary> summaries = [];
    private readonly List<MemoryRunResult> allocatorRuns = [];
    private readonly List<(double Gflops, string What)> bestProducts = [];
    private PeerClient? peer;
    private PeerInfo? peerInfo;
    private string? peerLost;

    /// <summary>Prepares a run; nothing is measured until <see cref="Run"/>.</summary>
    public BenchmarkRunner(BenchmarkOptions options, string repositoryRoot, Action<string> log)
    {
        this.options = options;
        root = repositoryRoot;
        this.log = log;
    }

    /// <summary>Measures everything and returns the report (files are written by the caller).</summary>
    public BenchmarkReport Run(string command)
    {
        var started = DateTimeOffset.Now;
        clock.Start();
        // The first thing the benchmark does with native code (after loading a libtorch folder, if asked), so a
        // huge-page request still reaches libtorch.
        var allocator = AllocatorTuning.Apply(options.Allocator, requestHugePages: true);
        set_num_threads(options.Threads);
        var interop = SetInteropThreads();
        var machine = MachineInfo.Current();
        var device = Devices.Resolve(options.Device);
        Say($"C#: {machine}; {interop} inter-op thread(s); {Devices.Describe(device)}");
        if (LibTorchRoute.Current is { } libtorch)
        {
            Say($"C# libtorch: {libtorch}" + (libtorch.Warning is { } warning ? $" (warning: {warning})" : ""));
        }

        Say($"C# allocator: {allocator}");

        var start = options.UsePeer ? StartPeer(PeerDevice(device)) : PeerStart.Unavailable("the run was started with --no-peer");
        if (!options.UsePeer)
        {
            Say($"No PyTorch peer: {start.Reason}. Measuring C# only.");
        }

        peer = start.Client;
        peerInfo = start.Info;
        peerLost = start.Reason;
        try
        {
            var data = SyntheticCifar.Load(Path.Combine(root, "data", "benchmark-synthetic"),
                trainCount: Math.Max(1_000, options.PipelineBatches * options.TrainBatch), testCount: 100);
            BaselineFigure();
            var matmul = new List<(double CSharp, double? Python)>();
            Ceiling(matmul, "first half");
            var inPlace = true;
            foreach (var variant in options.Variants)
            {
                inPlace &= MeasureVariant(data, variant);
            }

            PipelineFigures(data);
            Ceiling(matmul, "second half");
            CeilingSweep();
            CeilingFigure(matmul);
            var ceiling = CeilingOf(device);
            Say(ceiling.Describe());
            DerivedFigures(ceiling.Gflops);
            if (options.AllocatorRuns)
            {
                AllocatorRuns();
            }

            Notes(allocator, start, inPlace);
            var ordered = Order(figures);
            var targets = TargetReader.Read(options, ordered, profiles, ceiling.Gflops, allocatorRuns);
            return new BenchmarkReport(started, clock.Elapsed.TotalSeconds, command, machine, get_num_threads(), interop, CSharpBlas(),
                allocator.Description, inPlace, start.Info, peerLost, PeerPackage(), start.Allocator, options.Describe(), options.Quick, ceiling.Gflops,
                ordered, profiles, targets, notes, ceiling, allocatorRuns, Devices.Describe(device), LibTorchRoute.Current?.ToString());
        }
        finally
        {
            peer?.Dispose();
        }
    }

    // The peer runs where the C# side runs: "auto" has been resolved by now.
    private static string PeerDevice(Device device) => device.type == TorchSharp.DeviceType.CUDA
        ? string.Create(CultureInfo.InvariantCulture, $"cuda:{Devices.CudaIndex(device.index)}")
        : "cpu";

    private PeerStart StartPeer(string device)
    {
        Say($"Starting the PyTorch peer ({(options.PeerPython is { } python ? python : "the private Debian install")}, {device}) ...");
        var start = PeerLauncher.Start(root, options, device, line => Say(line));
        if (start.Info is { } info)
        {
            Say($"Python: PyTorch {info.Torch}, Python {info.Python} ({info.Executable}), device {info.DeviceDescription}, BLAS {info.BlasDescription}, " +
                $"{info.Threads} intra-op / {info.InteropThreads} inter-op / {info.BlasThreads?.ToString(CultureInfo.InvariantCulture) ?? "?"} BLAS thread(s); " +
                $"allocator: {start.Allocator}");
            if (info.Threads != options.Threads)
            {
                notes.Add($"The peer runs {info.Threads} threads where {options.Threads} were asked for.");
            }
        }
        else
        {
            Say($"No PyTorch peer: {start.Reason}. Measuring C# only.");
        }

        return start;
    }

    private bool MeasureVariant(CifarDataSet data, AlexNetVariant variant)
    {
        var name = PeerClient.VariantName(variant);
        Say($"== {variant} AlexNet ==");
        using var csharp = new CSharpVariant(variant, options);
        var inPlace = csharp.InPlaceRelu;
        summaries[variant] = csharp.Summary;
        CheckParameters(variant, csharp.Summary.TotalParameters);

        // Peak memory belongs to training alone: each side hands free heap back and resets its peak first.
        PeerCall(p =>
        {
            p.Reset();
            return p.Memory(resetPeak: true);
        });
        CSharpVariant.Settle();
        AllocatorTuning.Trim();
        var peakReset = ProcessMemory.ResetPeak();

        var csharpFaults = new List<double>();
        var pythonFaults = new List<double>();
        var (c, p) = Alternate($"train {name} batch {options.TrainBatch}", () =>
            {
                var before = ProcessMemory.MinorFaults();
                var seconds = csharp.TrainStep();
                csharpFaults.Add(ProcessMemory.MinorFaults() - before ?? 0);
                return seconds;
            },
            () => PeerCall(x =>
            {
                var timing = x.Train(variant, options.TrainBatch, AlexNetInput.Side, inPlace);
                pythonFaults.Add(timing.MinorFaults ?? 0);
                return timing.Seconds[0];
            }),
            seconds => Invariant($"{options.TrainBatch / seconds:F1} images/s"));
        trainSeconds[variant] = (Ratios.Median(c), p.Count > 0 ? Ratios.Median(p) : null);
        Add(FigureKeys.Train(variant), "Training", $"{variant}, batch {options.TrainBatch}", "images/s", Better.Higher,
            Images(c, options.TrainBatch), Images(p, options.TrainBatch));
        if (ProcessMemory.MinorFaults() is not null)
        {
            Add(FigureKeys.TrainFaults(variant), "Training", $"{variant}, page faults per step", "faults/step", Better.Lower,
                Timed(csharpFaults), p.Count > 0 ? Timed(pythonFaults) : null, "fresh pages the kernel had to map and zero");
        }

        var csharpPeak = ProcessMemory.PeakBytes();
        var pythonPeak = PeerCall(x => (double)x.Memory().PeakBytes);
        Add(FigureKeys.PeakMemory(variant), "Memory", $"{variant}, true peak resident during training at batch {options.TrainBatch}", "MB", Better.Lower,
            Reading.Of(Ratios.Megabytes(csharpPeak)), pythonPeak is { } pp ? Reading.Of(Ratios.Megabytes((long)pp)) : null,
            peakReset
                ? $"whole process, the kernel's peak (VmHWM) over the {options.Warmup} + {options.Repetitions} steps above; this process's allocator setting"
                : "whole process, peak since start (could not reset it)");

        if (options.Profile)
        {
            Profile(csharp, variant, inPlace);
        }

        Growth(csharp, variant, inPlace);

        var (ce, pe) = Alternate($"eval {name} batch {options.EvalBatch}", csharp.EvalPass,
            () => PeerCall(x => x.Eval(variant, options.EvalBatch, AlexNetInput.Side, inPlace).Seconds[0]),
            seconds => Invariant($"{options.EvalBatch / seconds:F1} images/s"));
        Add(FigureKeys.Eval(variant), "Evaluation", $"{variant}, batch {options.EvalBatch}, no graph", "images/s", Better.Higher,
            Images(ce, options.EvalBatch), Images(pe, options.EvalBatch));
        PeerCall(x =>
        {
            x.Reset();
            return 0;
        });
        return inPlace;
    }

    private void Profile(CSharpVariant csharp, AlexNetVariant variant, bool inPlace)
    {
        Say($"profile {PeerClient.VariantName(variant)}: {options.ProfileSteps} training step(s) per side, layer by layer, alternating");
        var (next, optimizer) = csharp.Profiler();
        using (optimizer)
        {
            var mine = new List<LayerProfile>();
            var theirs = new List<LayerProfile>();
            for (var i = 0; i < options.ProfileSteps; i++)
            {
                mine.Add(next());
                if (PeerCall(x => x.Profile(variant, options.TrainBatch, AlexNetInput.Side, inPlace)) is { } profile)
                {
                    theirs.Add(profile);
                }

                Say(Invariant($"  {i + 1}/{options.ProfileSteps}: C# step {mine[^1].StepSeconds:F3} s") +
                    (theirs.Count == i + 1 ? Invariant($" | Python step {theirs[^1].StepSeconds:F3} s") : ""));
            }

            profiles.Add(LayerProfile.Median(mine));
            if (theirs.Count > 0)
            {
                profiles.Add(LayerProfile.Median(theirs));
            }
        }
    }

    private void Growth(CSharpVariant csharp, AlexNetVariant variant, bool inPlace)
    {
        var name = PeerClient.VariantName(variant);
        var every = Math.Max(1, options.GrowthSteps / 10);
        Say($"growth {name}: {options.GrowthWarmupSteps} + {options.GrowthSteps} steps at batch {options.GrowthBatch}, memory in use every {every}, C#" +
            (options.PeerGrowth ? " then Python ..." : " only (--peer-growth adds the peer) ..."));
        var peakReset = ProcessMemory.ResetPeak();
        var csharpGrowth = csharp.Growth(options.GrowthWarmupSteps, options.GrowthSteps, every, reading =>
            Say(Invariant($"  C# step {reading.Step}/{options.GrowthSteps}: {Ratios.Megabytes(reading.Bytes):F0} MB in use")));
        // The readings trim first (they look for leaks); the kernel's peak says what the process really held meanwhile.
        var growthPeak = ProcessMemory.PeakBytes();
        Say(Invariant($"  C#: {Describe(csharpGrowth)}, live tensors {csharpGrowth.LiveTensorsBefore} -> {csharpGrowth.LiveTensorsAfter}"));
        var pythonGrowth = !options.PeerGrowth ? null : PeerCall(p =>
        {
            Say($"growth {name}: Python ...");
            // As on the C# side, each reading follows a garbage collection and malloc_trim (which reset_peak does).
            p.Train(variant, options.GrowthBatch, AlexNetInput.Side, inPlace, options.GrowthWarmupSteps);
            var readings = new List<MemoryReading> { new(0, p.Memory(resetPeak: true).ResidentBytes) };
            for (var done = 0; done < options.GrowthSteps;)
            {
                var chunk = Math.Min(every, options.GrowthSteps - done);
                p.Train(variant, options.GrowthBatch, AlexNetInput.Side, inPlace, chunk);
                done += chunk;
                readings.Add(new MemoryReading(done, p.Memory(resetPeak: true).ResidentBytes));
            }

            return new GrowthResult(options.GrowthSteps, options.GrowthBatch, readings, null, null);
        });
        if (pythonGrowth is not null)
        {
            Say($"  Python: {Describe(pythonGrowth)}");
        }

        Add(FigureKeys.Growth(variant), "Memory", $"{variant}, growth of memory in use over {options.GrowthSteps} steps (batch {options.GrowthBatch})", "%",
            Better.Neither, Reading.Of(csharpGrowth.GrowthPercent), pythonGrowth is null ? null : Reading.Of(pythonGrowth.GrowthPercent),
            $"line through {csharpGrowth.Readings.Count} readings of memory in use; C# {Describe(csharpGrowth)}" + (pythonGrowth is null ? "" : $"; Python {Describe(pythonGrowth)}"));
        Add(FigureKeys.GrowthPeak(variant), "Memory", $"{variant}, true peak resident during the growth run (batch {options.GrowthBatch})", "MB",
            Better.Lower, Reading.Of(Ratios.Megabytes(growthPeak)), null,
            peakReset ? "the kernel's peak (VmHWM) over the warm-up and all steps; nothing trimmed but at the readings" : "peak since start (could not reset it)");
        Add(FigureKeys.LiveTensors(variant), "Memory", $"{variant}, live tensors gained over {options.GrowthSteps} steps", "tensors", Better.Neither,
            Reading.Of(csharpGrowth.LiveTensorGrowth ?? 0), null, "TorchSharp's own count; PyTorch has none to compare");
    }

    private static string Describe(GrowthResult growth) =>
        Invariant($"{Ratios.Megabytes(growth.ResidentBefore):F0} -> {Ratios.Megabytes(growth.ResidentAfter):F0} MB ") +
        "(" + string.Join(", ", growth.Readings.Skip(1).SkipLast(1).Select(r => Ratios.Megabytes(r.Bytes).ToString("F0", CultureInfo.InvariantCulture))) + " between)";

    private void PipelineFigures(CifarDataSet data)
    {
        Say($"== Input pipeline: {options.PipelineBatches} batches of {options.TrainBatch}, shuffle, 32 -> {AlexNetInput.Side}, normalise ==");
        var stats = ChannelStats.Compute(data.Train);
        var loader = new BatchLoader(data.Train, BatchOptions.Training(options.TrainBatch) with { ImageSize = AlexNetInput.Side }, stats,
            Devices.Resolve(options.Device));
        var folder = Path.Combine(root, "data", "benchmark-synthetic", CifarLayout.FolderName);
        var epoch = 0;
        var (c, p) = Alternate("pipeline", () =>
            {
                var epochNumber = epoch++;
                return Timing.Measure(() =>
                {
                    foreach (var batch in loader.Epoch(epochNumber).Take(options.PipelineBatches))
                    {
                        batch.Dispose();
                    }
                }, 1, 0, loader.Device).Samples[0];
            },
            () => PeerCall(x => x.Pipeline(folder, options.TrainBatch, AlexNetInput.Side, options.PipelineBatches, stats.Mean, stats.Std).Seconds[0]),
            seconds => Invariant($"{options.PipelineBatches * options.TrainBatch / seconds:F0} images/s"));
        var images = options.PipelineBatches * options.TrainBatch;
        Add(FigureKeys.Pipeline, "Input pipeline", $"batches of {options.TrainBatch} from records in memory", "images/s", Better.Higher,
            Images(c, images), Images(p, images), "shuffle, gather, to float, normalise, bilinear 32 -> 224");
        foreach (var (variant, step) in trainSeconds)
        {
            var perBatchC = Ratios.Median(c) / options.PipelineBatches;
            var perBatchP = p.Count > 0 ? Ratios.Median(p) / options.PipelineBatches : (double?)null;
            Add(FigureKeys.PipelineShare(variant), "Input pipeline", $"share of a {variant} training step", "%", Better.Lower,
                Reading.Of(Ratios.Percent(perBatchC, step.CSharp)),
                perBatchP is { } bp && step.Python is { } sp ? Reading.Of(Ratios.Percent(bp, sp)) : null,
                "one batch's pipeline time over one step's time");
        }
    }

    // What each runtime costs before any model exists: .NET + TorchSharp + libtorch 2.10 against Python + PyTorch 1.13.
    private void BaselineFigure()
    {
        var csharp = CSharpVariant.InUse();
        var python = PeerCall(p => (double)p.Memory(resetPeak: true).ResidentBytes);
        Add(FigureKeys.Baseline, "Memory", "resident before any model, runtime and libraries loaded", "MB", Better.Lower,
            Reading.Of(Ratios.Megabytes(csharp)), python is { } py ? Reading.Of(Ratios.Megabytes((long)py)) : null,
            "part of every peak below");
    }

    private void Ceiling(List<(double CSharp, double? Python)> samples, string part)
    {
        var n = options.MatrixSize;
        var device = Devices.Resolve(options.Device);
        using var a = randn([n, n], device: device);
        using var b = randn([n, n], device: device);
        var flops = (double)Throughput.MatrixMultiplyFlops(n);
        var (c, p) = Alternate($"matmul {n} ({part})", () => Timing.Measure(() => a.mm(b), 1, 0, device).Samples[0],
            () => PeerCall(x => x.Matmul(n).Seconds[0]),
            seconds => Invariant($"{Ratios.Gflops(flops, seconds):F1} GFLOP/s"), MatmulRepetitions);
        for (var i = 0; i < c.Count; i++)
        {
            samples.Add((c[i], i < p.Count ? p[i] : null));
        }
    }

    // A product takes a tenth of a second: more repetitions cost little and steady the ceiling every percentage is read against.
    private int MatmulRepetitions => Math.Max(options.Repetitions, 10);

    private void CeilingFigure(List<(double CSharp, double? Python)> samples)
    {
        var flops = (double)Throughput.MatrixMultiplyFlops(options.MatrixSize);
        var c = samples.Select(s => Ratios.Gflops(flops, s.CSharp)).ToList();
        var p = samples.Where(s => s.Python is not null).Select(s => Ratios.Gflops(flops, s.Python!.Value)).ToList();
        Add(FigureKeys.Matmul, "Ceiling", $"float32 matmul {options.MatrixSize}x{options.MatrixSize}, {options.Threads} thread(s)", "GFLOP/s", Better.Higher,
            Reading.MedianOf(c), p.Count > 0 ? Reading.MedianOf(p) : null,
            "each side's BLAS, medians of products before and after the rest");
        bestProducts.Add((c.Max(), $"C# matmul {options.MatrixSize}x{options.MatrixSize}"));
        if (p.Count > 0)
        {
            bestProducts.Add((p.Max(), $"PyTorch matmul {options.MatrixSize}x{options.MatrixSize}"));
        }
    }

    // The fastest product of each side over several sizes (a few repetitions each): small ones show the BLAS's
    // overheads, large ones how close it gets to the cores' peak.
    private void CeilingSweep()
    {
        Say($"ceiling: products of {string.Join(", ", options.CeilingSizes)}, 1 warm-up + 3 timed each, C# then Python");
        var device = Devices.Resolve(options.Device);
        double bestC = 0;
        double? bestP = null;
        foreach (var n in options.CeilingSizes)
        {
            var flops = (double)Throughput.MatrixMultiplyFlops(n);
            double c;
            using (var a = randn([n, n], device: device))
            using (var b = randn([n, n], device: device))
            {
                c = Ratios.Gflops(flops, Timing.Measure(() => a.mm(b), 3, 1, device).Samples.Min());
            }

            var p = PeerCall(x => x.Matmul(n, 3, 1).Seconds.Min()) is { } seconds ? Ratios.Gflops(flops, seconds) : (double?)null;
            Say(Invariant($"  {n}: C# {c:F1} GFLOP/s") + (p is { } g ? Invariant($" | Python {g:F1} GFLOP/s") : ""));
            bestProducts.Add((c, Invariant($"C# matmul {n}x{n}")));
            bestC = Math.Max(bestC, c);
            if (p is { } pg)
            {
                bestProducts.Add((pg, Invariant($"PyTorch matmul {n}x{n}")));
                bestP = Math.Max(bestP ?? 0, pg);
            }
        }

        Add(FigureKeys.BestProduct, "Ceiling", $"fastest float32 matmul of sizes {string.Join("/", options.CeilingSizes)}", "GFLOP/s", Better.Higher,
            Reading.Of(bestC), bestP is { } bp ? Reading.Of(bp) : null, "each side's fastest single product; the machine's ceiling is read against the fastest of all");
    }

    private CeilingReading CeilingOf(Device device)
    {
        // Other work on the machine only ever slows a product down, so the fastest one is the least disturbed reading.
        var (gflops, what) = bestProducts.MaxBy(p => p.Gflops);
        if (device.type == TorchSharp.DeviceType.CUDA)
        {
            return new CeilingReading(null, "not estimated for a GPU here (compare with the card's published peak)", gflops, what);
        }

        var peak = CpuPeak.Current(options.Threads);
        return peak is null
            ? new CeilingReading(null, "not estimated (only x86-64 processors on Linux are in the estimate's table)", gflops, what)
            : new CeilingReading(peak.Gflops, peak.ToString(), gflops, what);
    }

    // Each allocator setting in a process of its own (the setting is process-wide, and libtorch reads part of it once),
    // with resident memory sampled throughout and the kernel's exact peak, nothing trimmed first. The processes take
    // their steps in turn, so other work on the machine slows every setting alike.
    private void AllocatorRuns()
    {
        var choices = Enum.GetValues<AllocatorChoice>();
        foreach (var variant in options.Variants)
        {
            Say($"allocator settings, {variant}: {string.Join(" and ", choices.Select(AllocatorTuning.Name))}, each in a process of its own, " +
                $"{options.AllocatorWarmupSteps} + {options.AllocatorSteps} steps at batch {options.TrainBatch}, taking turns");
            var children = new List<MemoryRunChild>();
            try
            {
                foreach (var choice in choices)
                {
                    children.Add(MemoryRunChild.Start(new MemoryRunRequest(variant, options.TrainBatch, choice, options.Threads, options.Device,
                        options.LibTorch), root, line => Say("  " + line)));
                }

                children.ForEach(c => c.WaitReady());
                for (var i = 0; i < options.AllocatorWarmupSteps; i++)
                {
                    children.ForEach(c => c.Warmup());
                }

                for (var i = 0; i < options.AllocatorSteps; i++)
                {
                    // Who goes first swaps each round: the one after another's step may find caches cold.
                    var order = i % 2 == 0 ? children : Enumerable.Reverse(children).ToList();
                    var line = string.Join(" | ", order.Select(c => (c.Request.Allocator, Seconds: c.Step()))
                        .OrderBy(r => r.Allocator)
                        .Select(r => Invariant($"{AllocatorTuning.Name(r.Allocator)} {r.Seconds:F3} s")));
                    Say(Invariant($"  {i + 1}/{options.AllocatorSteps}: {line}"));
                }

                foreach (var child in children)
                {
                    var run = child.Finish();
                    allocatorRuns.Add(run);
                    Say(Invariant($"  {run.Allocator}: {run.ImagesPerSecond:F1} images/s, true peak {Ratios.Megabytes(run.PeakBytes):F0} MB, resident ") +
                        Invariant($"{Ratios.Megabytes(run.SampledLowBytes):F0}-{Ratios.Megabytes(run.SampledHighBytes):F0} MB over the timed steps, {run.FaultsPerStep:F0} faults/step"));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                Say($"  failed: {e.Message}");
                notes.Add($"The allocator runs for {variant} failed: {e.Message.Split('\n')[0]}");
            }
            finally
            {
                children.ForEach(c => c.Dispose());
            }
        }
    }

    private void DerivedFigures(double? ceiling)
    {
        foreach (var (variant, summary) in summaries)
        {
            Derived(variant, FigureKeys.Train(variant), FigureKeys.TrainGflops(variant), FigureKeys.TrainCeiling(variant), "Training",
                summary.TrainingFlops, ceiling, "3 x forward FLOPs per image (ModelSummary.TrainingFlops)");
            Derived(variant, FigureKeys.Eval(variant), FigureKeys.EvalGflops(variant), FigureKeys.EvalCeiling(variant), "Evaluation",
                summary.ForwardFlops, ceiling, "forward FLOPs per image (ModelSummary.ForwardFlops)");
            EpochFigure(variant);
        }
    }

    // "How long will an epoch take me?": 50,000 training images, then the trainer's accuracy passes over 10,000
    // training and 10,000 test images, at the rates just measured.
    private void EpochFigure(AlexNetVariant variant)
    {
        var train = figures.FirstOrDefault(f => f.Key == FigureKeys.Train(variant));
        var eval = figures.FirstOrDefault(f => f.Key == FigureKeys.Eval(variant));
        if (train is null || eval is null)
        {
            return;
        }

        const int trainImages = EpochEstimate.CifarTrainingImages;
        const int evalImages = 20_000;
        static Reading? Minutes(Reading? t, Reading? e) =>
            t is null || e is null ? null : Reading.Of((trainImages / t.Value + evalImages / e.Value) / 60);
        Add(FigureKeys.Epoch(variant), "Epoch", $"{variant}, one CIFAR-10 epoch", "minutes", Better.Lower,
            Minutes(train.CSharp, eval.CSharp), Minutes(train.Python, eval.Python),
            Invariant($"{trainImages:N0} images trained at batch {options.TrainBatch}, {evalImages:N0} evaluated at batch {options.EvalBatch}"));
    }

    private void Derived(AlexNetVariant variant, string imagesKey, string gflopsKey, string ceilingKey, string section, long flopsPerImage,
        double? ceiling, string how)
    {
        if (figures.FirstOrDefault(f => f.Key == imagesKey) is not { } images)
        {
            return;
        }

        Reading? Gflops(Reading? r) => r is null ? null : new Reading(r.Value * flopsPerImage / 1e9, r.Samples.Select(s => s * flopsPerImage / 1e9).ToArray());
        var c = Gflops(images.CSharp);
        var p = Gflops(images.Python);
        Add(gflopsKey, section, $"{variant}, achieved", "GFLOP/s", Better.Higher, c, p,
            Invariant($"{how}: {flopsPerImage / 1e9:F2} GFLOP"));
        if (ceiling is { } top)
        {
            Add(ceilingKey, section, $"{variant}, share of the machine's ceiling", "%", Better.Higher,
                c is null ? null : Reading.Of(100 * c.Value / top), p is null ? null : Reading.Of(100 * p.Value / top),
                Invariant($"ceiling {top:F1} GFLOP/s"));
        }
    }

    private void Notes(AllocatorSettings allocator, PeerStart start, bool inPlace)
    {
        notes.Add("Timings alternate C# and Python repetition by repetition in one run; other work on the machine slows both alike, " +
                  "so read the ratios, and the [min-max] ranges for how noisy the run was.");
        notes.Add("Data: synthetic images in the CIFAR-10 binary layout (data/benchmark-synthetic), not CIFAR-10; " +
                  "the timed training and evaluation use a fixed random batch on both sides, as the peer does.");
        if (allocator.Tuned)
        {
            notes.Add($"C# allocator: {allocator.Description} (helpers/Compute/AllocatorTuning). " +
                      (options.TunePeerAllocator
                          ? "The peer was given the same malloc thresholds (--tune-peer-allocator)."
                          : "The peer runs with glibc's defaults, as PyTorch does out of the box; --tune-peer-allocator gives it the same thresholds."));
        }

        if (!inPlace)
        {
            notes.Add("ReLU does not work in place in the C# model; the peer was told the same.");
        }

        if (peerLost is not null && start.Available)
        {
            notes.Add($"The peer stopped during the run: {peerLost}.");
        }

        if (start.Info is { } info && info.Device != PeerDevice(Devices.Resolve(options.Device)))
        {
            notes.Add($"The C# side ran on {options.Device}, the peer on {info.Device}: the ratios compare different hardware.");
        }
    }

    private (IReadOnlyList<double> CSharp, IReadOnlyList<double> Python) Alternate(string label, Func<double> csharp, Func<double?>? python,
        Func<double, string> describe, int? repetitions = null)
    {
        var reps = repetitions ?? options.Repetitions;
        Say($"{label}: {options.Warmup} warm-up + {reps} timed, alternating");
        return Alternation.Run(options.Warmup, reps, csharp, peer is null ? null : python, (round, c, p) =>
            Say(Invariant($"  {round}/{reps}: C# {c:F3} s ({describe(c)})") +
                (p is { } s ? Invariant($" | Python {s:F3} s ({describe(s)})") : "")));
    }

    private T? PeerCall<T>(Func<PeerClient, T> call) where T : class
    {
        if (peer is null)
        {
            return null;
        }

        try
        {
            return call(peer);
        }
        catch (PeerException e)
        {
            LosePeer(e);
            return null;
        }
    }

    private double? PeerCall(Func<PeerClient, double> call) => PeerCall<object>(p => call(p)) is double seconds ? seconds : null;

    private void LosePeer(PeerException e)
    {
        Say($"The PyTorch peer failed; going on with C# only: {e.Message}");
        peerLost = e.Message;
        peer?.Dispose();
        peer = null;
    }

    private void CheckParameters(AlexNetVariant variant, long csharpParameters)
    {
        if (peer is null)
        {
            return;
        }

        var name = PeerClient.VariantName(variant);
        if (peerInfo?.Parameters.TryGetValue(name, out var pythonParameters) == true && pythonParameters != csharpParameters)
        {
            notes.Add($"{variant}: C# has {csharpParameters:N0} parameters, the peer {pythonParameters:N0}; the two networks differ.");
        }
    }

    private void Add(string key, string section, string name, string unit, Better better, Reading? csharp, Reading? python, string? note = null) =>
        figures.Add(new Figure(key, section, name, unit, better, csharp, python, note));

    // Warm-up rounds are not timed, so their counts (first-touch faults included) are left out too.
    private Reading Timed(List<double> perRound) => Reading.MedianOf(perRound.Skip(options.Warmup).DefaultIfEmpty(0).ToArray());

    private static Reading? Images(IReadOnlyList<double> seconds, int images) =>
        seconds.Count == 0 ? null : Reading.MedianOf(seconds.Select(s => Ratios.ImagesPerSecond(images, s)).ToArray());

    // Section, then variant, then the headline number before what is derived from it.
    private static List<Figure> Order(List<Figure> figures)
    {
        string[] sections = ["Ceiling", "Training", "Evaluation", "Epoch", "Input pipeline", "Memory"];
        string[] kinds = ["images_per_s", "gflops", "best_gflops", "ceiling_percent", "faults_per_step", "minutes", "percent", "baseline_mb", "peak_mb", "growth_percent", "growth_peak_mb", "live_tensor_growth"];
        static int VariantOf(Figure f) => f.Key.Contains(".chapter.", StringComparison.Ordinal) ? 1 : f.Key.Contains(".classic.", StringComparison.Ordinal) ? 2 : 0;
        return [.. figures.OrderBy(f => Array.IndexOf(sections, f.Section)).ThenBy(VariantOf).ThenBy(f => Array.IndexOf(kinds, f.Key.Split('.')[^1]))];
    }

    private static int SetInteropThreads()
    {
        try
        {
            // As the peer: one inter-op thread (eager AlexNet has no independent operations to overlap).
            set_num_interop_threads(1);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException)
        {
            // libtorch allows it only before its first parallel work (and aborts the process otherwise, which is why
            // this runs first); the count it has is printed either way.
        }

        return get_num_interop_threads();
    }

    private static string CSharpBlas() => RuntimeInformation.ProcessArchitecture == Architecture.X64 && !OperatingSystem.IsMacOS()
        ? "Intel oneMKL, statically linked into the official libtorch build"
        : "the BLAS built into libtorch for this platform";

    private string? PeerPackage()
    {
        if (options.PeerPython is { } python && Path.GetFileName(python) != Path.GetFileName(PeerLauncher.DebianPython))
        {
            return null;
        }

        var packages = Path.Combine(PeerLauncher.PeerFolder(root, options.PeerFolder), "packages.txt");
        return File.Exists(packages)
            ? File.ReadLines(packages).FirstOrDefault(l => l.StartsWith("python3-torch=", StringComparison.Ordinal))?.Split('=', 2)[1]
            : null;
    }

    private void Say(string message) => log(Invariant($"[{clock.Elapsed.TotalSeconds,6:F0}s] {message}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
