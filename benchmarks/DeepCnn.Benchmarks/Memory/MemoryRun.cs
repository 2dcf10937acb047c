using System.Globalization;
using System.Text.Json;
using DeepCnn.Compute;
using static TorchSharp.torch;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// The child's side of a memory run: applies the allocator setting before anything else, builds the benchmark's C#
/// variant, says <see cref="Ready"/>, then takes one training step per <see cref="WarmupCommand"/> or
/// <see cref="StepCommand"/> line and answers each with its seconds, while a sampler reads resident memory throughout
/// and the kernel keeps the exact peak. <see cref="FinishCommand"/> ends it with the result as one JSON line. Nothing
/// is trimmed or collected on the way, so the figures are what a reader's training process would show.
/// </summary>
public static class MemoryRun
{
    /// <summary>The line a child writes once its model is built.</summary>
    public const string Ready = "memory-run-ready";

    /// <summary>A step whose time is not counted (memory is still sampled: the first steps are often the highest).</summary>
    public const string WarmupCommand = "warmup";

    /// <summary>A timed step.</summary>
    public const string StepCommand = "step";

    /// <summary>Ends the run: the child answers with <see cref="ResultPrefix"/> and the result.</summary>
    public const string FinishCommand = "finish";

    /// <summary>The prefix of the line that answers a step with its seconds.</summary>
    public const string StepPrefix = "memory-run-step: ";

    /// <summary>The prefix of the one line that carries the result as JSON.</summary>
    public const string ResultPrefix = "memory-run-result: ";

    /// <summary>How often the sampler reads resident memory.</summary>
    public static TimeSpan SampleInterval { get; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Runs <paramref name="request"/> in this process, taking commands from <paramref name="commands"/> and answering on
    /// <paramref name="answers"/>. The caller applies the request's allocator setting first thing in Main (huge pages can
    /// only be asked for there), and sets the inter-op threads, if at all: libtorch aborts the process when that comes
    /// after its first parallel work.
    /// </summary>
    public static void Serve(MemoryRunRequest request, TextReader commands, TextWriter answers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(answers);
        var allocator = AllocatorTuning.Apply(request.Allocator); // the setting Main applied; here only when Main did not
        set_num_threads(request.Threads);
        var baseline = ProcessMemory.ResidentBytes();
        var options = new BenchmarkOptions
        {
            TrainBatch = request.Batch,
            GrowthBatch = 1,
            EvalBatch = 1,
            Threads = request.Threads,
            Device = request.Device,
        };
        using var variant = new CSharpVariant(request.Variant, options);
        var peakReset = ProcessMemory.ResetPeak();
        var afterStep = new List<long>();
        var seconds = new List<double>();
        var faults = new List<double>();
        double? timedFrom = null;
        IReadOnlyList<(double Seconds, long Bytes)> samples;
        using (var sampler = new ResidentSampler(SampleInterval))
        {
            answers.WriteLine(Ready);
            answers.Flush();
            while (commands.ReadLine()?.Trim() is { } command && command != FinishCommand)
            {
                var timed = command switch
                {
                    StepCommand => true,
                    WarmupCommand => false,
                    _ => throw new InvalidOperationException($"Unknown memory-run command '{command}'."),
                };
                timedFrom ??= timed ? sampler.Elapsed : null;
                var before = ProcessMemory.MinorFaults();
                var taken = variant.TrainStep();
                if (timed)
                {
                    seconds.Add(taken);
                    faults.Add(ProcessMemory.MinorFaults() - before ?? 0);
                }

                afterStep.Add(ProcessMemory.ResidentBytes());
                answers.WriteLine(StepPrefix + taken.ToString("R", CultureInfo.InvariantCulture));
                answers.Flush();
            }

            samples = sampler.Stop();
        }

        if (seconds.Count == 0)
        {
            throw new InvalidOperationException("The memory run ended before any timed step.");
        }

        var window = samples.Where(s => s.Seconds >= timedFrom).Select(s => s.Bytes).DefaultIfEmpty(afterStep[^1]).ToList();
        var result = new MemoryRunResult(request.Variant.ToString().ToLowerInvariant(), request.Batch, AllocatorTuning.Name(request.Allocator),
            allocator.Description, baseline, ProcessMemory.PeakBytes(), peakReset, seconds, afterStep, window.Min(), window.Max(), window.Count,
            Ratios.Median(faults), Devices.Describe(variant.Device));
        answers.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        answers.Flush();
    }
}
