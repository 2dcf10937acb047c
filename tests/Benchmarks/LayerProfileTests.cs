using DeepCnn.Benchmarks;
using DeepCnn.Chapter;
using DeepCnn.Models;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Benchmarks;

public sealed class LayerProfileTests
{
    private static LayerProfile Step(double conv, double? relu, double sgd) => new("C#", AlexNetVariant.Chapter, 8,
        [new LayerTiming("features.conv1", "Conv2d", conv, conv, 1_000), new LayerTiming("features.relu1", "ReLU", 0.01, relu, 0)],
        0.001, 0.002, 0.003, sgd, conv * 2 + sgd, "how");

    [Fact]
    public void The_median_is_taken_row_by_row_and_a_backward_missing_anywhere_stays_missing()
    {
        var median = LayerProfile.Median([Step(0.1, null, 0.5), Step(0.3, 0.02, 0.1), Step(0.2, 0.01, 0.2)]);
        Assert.Equal(0.2, median.Layers[0].ForwardSeconds);
        Assert.Equal(0.2, median.Layers[0].BackwardSeconds);
        Assert.Null(median.Layers[1].BackwardSeconds);
        Assert.Equal(0.2, median.OptimizerStepSeconds);
        Assert.Equal(3, median.Steps);
    }

    [Fact]
    public void Profiles_of_different_networks_do_not_combine()
    {
        var other = Step(0.1, null, 0.1) with { Variant = AlexNetVariant.Classic };
        Assert.Throws<ArgumentException>(() => LayerProfile.Median([Step(0.1, null, 0.1), other]));
    }

    [Fact]
    public void Losses_rank_layers_by_time_lost_against_the_ceiling()
    {
        // 1 GFLOP/s ceiling: conv1 does 1,000 + 1,000 FLOPs (first layer: no input gradient) in 0.2 s, ideally 2 us.
        var losses = ProfileAnalysis.Losses(Step(0.1, null, 0.5), ceilingGflops: 1);
        Assert.Equal("SGD step", losses[0].Name);
        Assert.Equal("features.conv1", losses[1].Name);
        Assert.Equal(0.2 - 2e-6, losses[1].LostSeconds, 9);
        Assert.Equal(2_000, losses[1].Flops);
        Assert.Null(losses.Single(l => l.Name == "features.relu1").AchievedGflops);
        Assert.Equal(1_000, ProfileAnalysis.BackwardFlops(1_000, firstLayer: true));
        Assert.Equal(2_000, ProfileAnalysis.BackwardFlops(1_000, firstLayer: false));
    }

    [Fact]
    public void Profiling_a_real_step_times_every_layer_and_counts_in_place_relu_backward_in_the_layer_before()
    {
        using var model = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0.5, ImageSize = AlexNetInput.Side }, 10);
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        using var images = randn(2, 3, AlexNetInput.Side, AlexNetInput.Side);
        using var labels = tensor(new long[] { 1, 7 });
        LayerProfiler.Profile(model, AlexNetVariant.Chapter, optimizer, images, labels, warmup: false); // the optimiser makes its momentum buffers
        var tensorsBefore = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        var profile = LayerProfiler.Profile(model, AlexNetVariant.Chapter, optimizer, images, labels);

        Assert.Equal(LayerProfiler.Layers(model).Count, profile.Layers.Count);
        Assert.Equal("features.conv1", profile.Layers[0].Name);
        Assert.All(profile.Layers, l => Assert.True(l.ForwardSeconds >= 0));
        Assert.All(profile.Layers.Where(l => l.Name.Contains("relu", StringComparison.Ordinal)), l => Assert.Null(l.BackwardSeconds));
        Assert.All(profile.Layers.Where(l => l.Name.Contains("conv", StringComparison.Ordinal)), l => Assert.NotNull(l.BackwardSeconds));
        Assert.True(profile.Layers[0].ForwardFlops > 0);
        Assert.True(profile.StepSeconds >= profile.LayerSeconds);
        Assert.Equal(tensorsBefore, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        using var scope = NewDisposeScope();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }
}
