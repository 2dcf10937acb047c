using System.Runtime.InteropServices;
using DeepCnn.Compute;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// The child's side of a memory run: applies the allocator setting before anything else, builds the benchmark's C#
/// variant, and runs training steps while a sampler reads resident memory throughout and the kernel keeps the exact
/// peak. Nothing is trimmed or collected on the way, so the figures are what a reader's training process would show.
/// </summary>
public static class MemoryRun
{
    /// <summary>The prefix of the one stdout line that carries the result as JSON.</summary>
    public const string ResultPrefix = "memory-run-result: ";

    /// <summary>How often the sampler reads resident memory.</summary>
    public static TimeSpan SampleInterval { get; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Runs <paramref name="request"/> in this process, which must not have touched TorchSharp or malloc settings yet.</summary>
    public static MemoryRunResult Measure(MemoryRunRequest request, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Huge pages belong to the tuned setting, as the benchmark's own process has always asked for them.
        var allocator = AllocatorTuning.Apply(request.Allocator, requestHugePages: request.Allocator != AllocatorChoice.Default);
        set_num_threads(request.Threads);
        try
        {
            set_num_interop_threads(1);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException)
        {
            // Allowed only before libtorch's first parallel work; the main run reports the count it got.
        }

        var baseline = ProcessMemory.ResidentBytes();
        var data = SyntheticCifar.Load(Path.Combine(repositoryRoot, "data", "benchmark-synthetic-memory"),
            trainCount: Math.Max(256, request.Batch), testCount: 100);
        var options = new BenchmarkOptions
        {
            TrainBatch = request.Batch,
            GrowthBatch = 1,
            EvalBatch = 1,
            Threads = request.Threads,
            Device = request.Device,
        };
        using var variant = new CSharpVariant(data, request.Variant, options);
        var peakReset = ProcessMemory.ResetPeak();
        var afterStep = new List<long>();
        var seconds = new List<double>();
        var faults = new List<double>();
        double timedFrom;
        IReadOnlyList<(double Seconds, long Bytes)> samples;
        using (var sampler = new ResidentSampler(SampleInterval))
        {
            for (var i = 0; i < request.Warmup; i++)
            {
                variant.TrainStep();
                afterStep.Add(ProcessMemory.ResidentBytes());
            }

            timedFrom = sampler.Elapsed;
            for (var i = 0; i < request.Steps; i++)
            {
                var before = ProcessMemory.MinorFaults();
                seconds.Add(variant.TrainStep());
                faults.Add(ProcessMemory.MinorFaults() - before ?? 0);
                afterStep.Add(ProcessMemory.ResidentBytes());
            }

            samples = sampler.Stop();
        }

        var timed = samples.Where(s => s.Seconds >= timedFrom).Select(s => s.Bytes).DefaultIfEmpty(afterStep[^1]).ToList();
        return new MemoryRunResult(PeerNameOf(request), request.Batch, AllocatorTuning.Name(request.Allocator), allocator.Description, baseline,
            ProcessMemory.PeakBytes(), peakReset, seconds, afterStep, timed.Min(), timed.Max(), timed.Count, Ratios.Median(faults),
            Devices.Describe(variant.Trainer.Device));
    }

    private static string PeerNameOf(MemoryRunRequest request) => request.Variant.ToString().ToLowerInvariant();
}
