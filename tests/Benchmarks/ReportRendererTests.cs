using DeepCnn.Benchmarks;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

public sealed class ReportRendererTests
{
    private static readonly Figure Train = new(FigureKeys.Train(AlexNetVariant.Classic), "Training", "Classic, batch 64", "images/s", Better.Higher,
        Reading.MedianOf([30.0, 31.0, 29.0]), Reading.MedianOf([24.0, 25.0, 23.0]));

    private static readonly Figure Peak = new(FigureKeys.PeakMemory(AlexNetVariant.Classic), "Memory", "Classic, peak", "MB", Better.Lower,
        Reading.Of(1_500), Reading.Of(1_200), "whole process");

    [Fact]
    public void Figures_render_with_median_range_ratio_and_verdict()
    {
        var report = ReportSamples.Report([Train, Peak], [], ReportSamples.Peer);
        var markdown = ReportRenderer.Markdown(report);

        Assert.Contains("| Training | Classic, batch 64 (images/s) | 30.0 [29.0-31.0] | 24.0 [23.0-25.0] | 1.25 | C# ahead or equal |", markdown);
        Assert.Contains("| Memory | Classic, peak (MB) | 1,500 | 1,200 | 1.25 | C# behind; whole process |", markdown);
    }

    [Fact]
    public void The_header_names_processor_threads_versions_blas_and_the_command()
    {
        var markdown = ReportRenderer.Markdown(ReportSamples.Report([Train], [], ReportSamples.Peer));

        Assert.Contains("AMD EPYC, 2 logical cores", markdown);
        Assert.Contains("2 intra-op, 1 inter-op, 2 BLAS", markdown);
        Assert.Contains("TorchSharp 0.107.0 (libtorch 2.10.0)", markdown);
        Assert.Contains("PyTorch 1.13.0a0 (Debian python3-torch 1.13.1+dfsg-4), Python 3.11.2", markdown);
        Assert.Contains("OpenBLAS 0.3.21 (Cooperlake)", markdown);
        Assert.Contains("`dotnet run --project benchmarks/DeepCnn.Benchmarks -c Release --`", markdown);
        Assert.Contains("2026-11-26 21:30", markdown);
    }

    [Fact]
    public void Targets_render_with_their_verdict_words()
    {
        var markdown = ReportRenderer.Summary(ReportSamples.Report([Train], [new TargetVerdict("Peak memory under 4 GB", false, "2 GB")]));
        Assert.Contains("| Peak memory under 4 GB | **NOT met** | 2 GB |", markdown);
    }

    [Fact]
    public void A_paired_profile_puts_both_sides_on_one_row_and_marks_in_place_backward()
    {
        LayerProfile Profile(string side, double scale) => new(side, AlexNetVariant.Chapter, 64,
            [
                new LayerTiming("features.conv1", "Conv2d", 0.1 * scale, 0.2 * scale, 10_000_000_000),
                new LayerTiming("features.relu1", "ReLU", 0.01 * scale, side == "C#" ? null : 0.0, 0),
            ],
            0.001, 0.002, 0.003, 0.05, 0.4 * scale, "how", Steps: 3);
        var report = ReportSamples.Report([Train], [], ReportSamples.Peer, profiles: [Profile("C#", 1), Profile("Python", 2)]);
        var markdown = ReportRenderer.Markdown(report);

        Assert.Contains("### Chapter, batch 64, median of 3 step(s) per side", markdown);
        // 10 GFLOP forward + 10 backward (the first layer computes no input gradient) in 0.3 s = 66.7 GFLOP/s = 37% of 180.
        Assert.Contains("| features.conv1 Conv2d | 100.0 | 200.0 | 37% | 200.0 | 400.0 | 19% |", markdown);
        Assert.Contains("| features.relu1 ReLU | 10.0 | in prev. |  | 20.0 | 0.0 |  |", markdown);
        Assert.Contains("| **whole step** | 400.0 | | | 800.0 | | |", markdown);
    }

    [Fact]
    public void Json_round_trips_with_enums_as_names()
    {
        var report = ReportSamples.Report([Train, Peak], [new TargetVerdict("t", true, "d")], ReportSamples.Peer);
        var json = ReportRenderer.ToJson(report);

        Assert.Contains("\"Better\": \"Higher\"", json);
        var back = ReportRenderer.FromJson(json);
        Assert.Equal(1.25, back.Find(FigureKeys.Train(AlexNetVariant.Classic))!.Ratio);
        Assert.Equal([30.0, 31.0, 29.0], back.Figures[0].CSharp!.Samples);
        Assert.Equal("1.13.0a0", back.Peer!.Torch);
    }

    [Theory]
    [InlineData(1234.4, "MB", "1,234")]
    [InlineData(3.0, "tensors", "+3")]
    [InlineData(0.0, "tensors", "0")]
    [InlineData(4.567, "%", "4.57")]
    [InlineData(45.67, "images/s", "45.7")]
    public void Values_print_in_their_units_precision(double value, string unit, string expected)
    {
        Assert.Equal(expected, ReportRenderer.Format(value, unit));
    }

    [Fact]
    public void The_summary_says_how_the_ceiling_was_found_and_what_each_allocator_setting_costs()
    {
        var runs = new[]
        {
            MemoryRunSamples.Run("chapter", "default", 950, [2.0, 2.0, 2.0]),
            MemoryRunSamples.Run("chapter", "tuned", 1_300, [1.6, 1.6, 1.6]),
        };
        var summary = ReportRenderer.Summary(ReportSamples.Report([Train], [], ReportSamples.Peer, ceiling: ReportSamples.Ceiling, allocatorRuns: runs));

        Assert.Contains("Ceiling 268.8 GFLOP/s, the theoretical peak. Theoretical peak: 2 cores x 16 float32 lanes", summary);
        Assert.Contains("Fastest measured product: 231.5 GFLOP/s (C# matmul 4096x4096), 86% of the theoretical peak.", summary);
        Assert.Contains("| chapter | default (library default) | 32.0 | 950 | 600-950 | 120,000 | 170 |", summary);
        Assert.Contains("| chapter | tuned | 40.0 | 1,300 | 600-1,300 | 30 | 170 |", summary);
    }

    [Fact]
    public void The_header_names_both_devices_and_a_libtorch_loaded_from_a_folder()
    {
        var peer = ReportSamples.Peer with { Device = "cuda:0", DeviceName = "NVIDIA H200", CudaVersion = "13.0", Cudnn = "91300" };
        var markdown = ReportRenderer.Markdown(ReportSamples.Report([Train], [], peer, libTorch: "libtorch 2.11.0+cu130 (CUDA) from /opt/torch/lib"));

        Assert.Contains("| Device | CPU, 2 threads | cuda:0 (NVIDIA H200; CUDA 13.0, cuDNN 91300) |", markdown);
        Assert.Contains("TorchSharp 0.107.0 (libtorch 2.11.0+cu130 (CUDA) from /opt/torch/lib)", markdown);
    }
}
