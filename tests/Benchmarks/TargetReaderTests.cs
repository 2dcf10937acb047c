using DeepCnn.Benchmarks;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

public sealed class TargetReaderTests
{
    private static readonly BenchmarkOptions Options = new();

    private static Figure F(string key, string section, Better better, double csharp, double? python = null, string unit = "images/s") =>
        new(key, section, key, unit, better, Reading.Of(csharp), python is { } p ? Reading.Of(p) : null);

    private static List<Figure> Passing() =>
    [
        F(FigureKeys.Matmul, "Ceiling", Better.Higher, 190, 180, "GFLOP/s"),
        F(FigureKeys.TrainGflops(AlexNetVariant.Classic), "Training", Better.Higher, 150, 140, "GFLOP/s"),
        F(FigureKeys.TrainCeiling(AlexNetVariant.Classic), "Training", Better.Higher, 78.9, 73.7, "%"),
        F(FigureKeys.Train(AlexNetVariant.Chapter), "Training", Better.Higher, 60, 55),
        F(FigureKeys.Train(AlexNetVariant.Classic), "Training", Better.Higher, 30, 28),
        F(FigureKeys.PipelineShare(AlexNetVariant.Chapter), "Input pipeline", Better.Lower, 2.5, 3.0, "%"),
        F(FigureKeys.PipelineShare(AlexNetVariant.Classic), "Input pipeline", Better.Lower, 1.2, 1.5, "%"),
        F(FigureKeys.PeakMemory(AlexNetVariant.Chapter), "Memory", Better.Lower, 1_100, 1_000, "MB"),
        F(FigureKeys.PeakMemory(AlexNetVariant.Classic), "Memory", Better.Lower, 1_900, 1_800, "MB"),
        F(FigureKeys.Growth(AlexNetVariant.Chapter), "Memory", Better.Neither, 0.2, null, "%"),
        F(FigureKeys.Growth(AlexNetVariant.Classic), "Memory", Better.Neither, 0.1, null, "%"),
        F(FigureKeys.LiveTensors(AlexNetVariant.Chapter), "Memory", Better.Neither, 0, null, "tensors"),
        F(FigureKeys.LiveTensors(AlexNetVariant.Classic), "Memory", Better.Neither, 0, null, "tensors"),
    ];

    [Fact]
    public void Every_target_is_met_by_a_run_that_meets_them()
    {
        var targets = TargetReader.Read(Options, Passing(), [], 190);
        Assert.Equal(5, targets.Count);
        Assert.All(targets, t => Assert.True(t.Met, $"{t.Target}: {t.Detail}"));
        Assert.Contains("78.9% of 190.0 GFLOP/s", targets[0].Detail);
    }

    [Fact]
    public void Parity_lists_the_throughput_figures_where_csharp_is_behind_and_mentions_worse_memory()
    {
        var figures = Passing();
        figures[3] = F(FigureKeys.Train(AlexNetVariant.Chapter), "Training", Better.Higher, 50, 55);
        var parity = TargetReader.Read(Options, figures, [], 190)[2];
        Assert.False(parity.Met);
        Assert.Contains("behind on: Training train.chapter.images_per_s 0.91", parity.Detail);
        Assert.Contains("not throughput, but worse: Memory memory.chapter.peak_mb 1.10", parity.Detail);
    }

    [Fact]
    public void Growth_fails_on_resident_growth_or_on_a_single_leaked_tensor()
    {
        var figures = Passing();
        figures[^1] = F(FigureKeys.LiveTensors(AlexNetVariant.Classic), "Memory", Better.Neither, 2, null, "tensors");
        Assert.False(TargetReader.Read(Options, figures, [], 190)[4].Met);
        figures = Passing();
        figures[9] = F(FigureKeys.Growth(AlexNetVariant.Chapter), "Memory", Better.Neither, 1.5, null, "%");
        Assert.False(TargetReader.Read(Options, figures, [], 190)[4].Met);
    }

    [Fact]
    public void A_missed_ceiling_target_points_at_the_layers_that_lose_the_most_time()
    {
        var figures = Passing();
        figures[2] = F(FigureKeys.TrainCeiling(AlexNetVariant.Classic), "Training", Better.Higher, 60, 58, "%");
        var profile = new LayerProfile("C#", AlexNetVariant.Classic, 64,
            [
                new LayerTiming("features.conv1", "Conv2d", 0.2, 0.1, 19_000_000_000),
                new LayerTiming("features.pool1", "MaxPool2d", 0.05, 0.05, 0),
            ],
            0.0, 0.001, 0.001, 0.3, 0.7, "how");
        var ceiling = TargetReader.Read(Options, figures, [profile], 190)[0];
        Assert.False(ceiling.Met);
        Assert.Contains("SGD step 300 ms (no products)", ceiling.Detail);
        Assert.Contains("features.pool1 100 ms (no products)", ceiling.Detail);
        // conv1: 19 + 19 GFLOP in 0.3 s = 126.7 GFLOP/s, 67% of 190; 0.3 s - 0.2 s ideal = 100 ms lost.
        Assert.Contains("features.conv1 100 ms (runs at 67%)", ceiling.Detail);
    }

    [Fact]
    public void A_quick_run_says_its_batch_is_not_the_targets()
    {
        var targets = TargetReader.Read(Options with { TrainBatch = 16 }, Passing(), [], 190);
        Assert.Contains("read at batch 16, not 64", targets[0].Detail);
    }

    [Fact]
    public void Missing_figures_leave_targets_unmeasured()
    {
        Assert.All(TargetReader.Read(Options, [], [], null), t => Assert.Null(t.Met));
    }

    [Fact]
    public void Peak_memory_is_judged_on_the_default_settings_true_peak_not_on_a_trimmed_reading()
    {
        // This process's own peak figures pass (1,100 and 1,900 MB); the default setting's own run does not.
        var runs = new[]
        {
            MemoryRunSamples.Run("chapter", "default", 4_100),
            MemoryRunSamples.Run("chapter", "tuned", 1_200),
        };
        var peak = TargetReader.Read(Options, Passing(), [], 190, runs)[3];

        Assert.False(peak.Met);
        Assert.Contains("default (the default): chapter 4100 MB", peak.Detail);
        Assert.Contains("tuned: chapter 1200 MB", peak.Detail);
    }

    [Fact]
    public void A_tuned_setting_over_the_promise_does_not_fail_the_default_but_shows_beside_it()
    {
        var runs = new[]
        {
            MemoryRunSamples.Run("classic", "default", 1_500),
            MemoryRunSamples.Run("classic", "tuned", 4_600),
        };
        var peak = TargetReader.Read(Options, Passing(), [], 190, runs)[3];

        Assert.True(peak.Met);
        Assert.Contains("tuned: classic 4600 MB", peak.Detail);
    }

    [Fact]
    public void Without_allocator_runs_peak_memory_falls_back_to_this_process_and_says_so()
    {
        var peak = TargetReader.Read(Options, Passing(), [], 190)[3];

        Assert.True(peak.Met);
        Assert.Contains("per-setting runs were skipped", peak.Detail);
    }
}
