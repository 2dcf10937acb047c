using DeepCnn.Compute;
using DeepCnn.Configuration;

namespace DeepCnn.Tests.Compute;

public sealed class ThroughputOptionsTests
{
    [Fact]
    public void Matrix_sizes_double_from_the_smallest_and_end_at_the_largest()
    {
        Assert.Equal([128, 256, 512, 1024, 2048], new ThroughputOptions().MatrixSizes());
        Assert.Equal([100, 200, 300], new ThroughputOptions { SmallestMatrix = 100, LargestMatrix = 300 }.MatrixSizes());
    }

    [Fact]
    public void Thread_counts_double_up_to_the_maximum_and_include_it()
    {
        Assert.Equal([1, 2, 4, 6], new ThroughputOptions { MaxThreads = 6 }.ThreadCounts());
        Assert.Equal([1], new ThroughputOptions { MaxThreads = 1 }.ThreadCounts());
        Assert.Equal(Environment.ProcessorCount, new ThroughputOptions().ThreadCounts()[^1]);
    }

    [Fact]
    public void Quick_profile_measures_up_to_1024_at_batch_8_with_3_repetitions()
    {
        var quick = EnvironmentOverrides.Apply(new ThroughputOptions(), name => name == EnvironmentOverrides.ProfileVariable ? "quick" : null, _ => { });

        Assert.Equal([128, 256, 512, 1024], quick.MatrixSizes());
        Assert.Equal(8, quick.ConvolutionBatch);
        Assert.Equal(3, quick.Repetitions);
        Assert.Equal(64, quick.StreamMegabytes);
    }

    [Fact]
    public void Environment_variables_override_single_values()
    {
        var options = EnvironmentOverrides.Apply(new ThroughputOptions(), name => name == "ALEXNET_CONVOLUTION_BATCH" ? "2" : null, _ => { });
        Assert.Equal(2, options.ConvolutionBatch);
    }
}
