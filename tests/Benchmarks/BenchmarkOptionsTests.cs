using DeepCnn.Benchmarks;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void Defaults_are_the_issues_sizes()
    {
        var options = BenchmarkOptions.Parse([]);
        Assert.Equal(64, options.TrainBatch);
        Assert.Equal(256, options.EvalBatch);
        Assert.Equal(200, options.GrowthSteps);
        Assert.Equal([AlexNetVariant.Chapter, AlexNetVariant.Classic], options.Variants);
        Assert.True(options.UsePeer);
        Assert.Null(options.Allocator);
        Assert.True(options.AllocatorRuns);
        Assert.Null(options.PeerPython);
        Assert.Null(options.LibTorch);
        Assert.Equal([1024, 2048, 3072, 4096], options.CeilingSizes);
        Assert.False(options.Quick);
    }

    [Fact]
    public void Flags_set_their_options()
    {
        var options = BenchmarkOptions.Parse(["--reps", "7", "--threads", "1", "--no-peer", "--variants", "classic", "--out", "x/y",
            "--allocator", "Tuned", "--growth-steps", "50", "--peer-python", "/opt/torch/.venv/bin/python3", "--libtorch", "/opt/torch/lib",
            "--allocator-steps", "9", "--device", "cuda"]);
        Assert.Equal(7, options.Repetitions);
        Assert.Equal(1, options.Threads);
        Assert.False(options.UsePeer);
        Assert.Equal([AlexNetVariant.Classic], options.Variants);
        Assert.Equal("x/y", options.OutputFolder);
        Assert.Equal(DeepCnn.Compute.AllocatorChoice.Tuned, options.Allocator);
        Assert.Equal(50, options.GrowthSteps);
        Assert.Equal("/opt/torch/.venv/bin/python3", options.PeerPython);
        Assert.Equal("/opt/torch/lib", options.LibTorch);
        Assert.Equal(9, options.AllocatorSteps);
        Assert.Equal("cuda", options.Device);
        Assert.False(BenchmarkOptions.Parse(["--no-allocator-runs"]).AllocatorRuns);
    }

    [Fact]
    public void Quick_shrinks_the_run_but_explicit_flags_win_wherever_they_appear()
    {
        var options = BenchmarkOptions.Parse(["--reps", "4", "--quick"]);
        Assert.True(options.Quick);
        Assert.Equal(16, options.TrainBatch);
        Assert.Equal(4, options.Repetitions);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--reps")]
    [InlineData("--reps", "0")]
    [InlineData("--reps", "two")]
    [InlineData("--variants", "resnet")]
    [InlineData("--allocator", "fast")]
    [InlineData("--peer-python")]
    public void Bad_arguments_are_rejected_naming_the_argument(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(args));
        Assert.Contains(args[^1], error.Message);
        Assert.Contains(args.Length == 2 ? $"'{args[1]}'" : args[0], error.Message); // a bad value is quoted, a bad flag named
    }

    [Fact]
    public void Describe_says_what_ran()
    {
        var text = BenchmarkOptions.Parse(["--quick"]).Describe();
        Assert.Contains("training batch 16", text);
        Assert.Contains("QUICK", text);
    }
}
