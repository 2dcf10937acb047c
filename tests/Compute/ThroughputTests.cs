using DeepCnn.Compute;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

/// <summary>Real measurements at tiny sizes: the numbers' values depend on the machine, so only their sanity is checked.</summary>
[Collection(CpuThreadsCollection.Name)]
public sealed class ThroughputTests
{
    private static readonly int[] Threads = [1, 2];

    [Fact]
    public void Matrix_multiply_gives_positive_finite_gflops_for_every_size_and_thread_count()
    {
        int[] sizes = [16, 64];

        var results = Throughput.MatrixMultiply(sizes, Threads, repetitions: 2, warmup: 1);

        Assert.Equal(sizes.Length * Threads.Length, results.Count);
        Assert.Equal(
            sizes.SelectMany(n => Threads.Select(t => (n, t))).Order(),
            results.Select(r => (r.Size, r.Threads)).Order());
        Assert.All(results, r =>
        {
            Assert.False(r.Skipped);
            Assert.Equal("cpu", r.Device);
            Assert.Equal(2L * r.Size * r.Size * r.Size, r.FlopsPerRun);
            Assert.Equal(2, r.Samples.Count);
            Assert.True(double.IsFinite(r.GflopsPerSecond) && r.GflopsPerSecond > 0, $"{r}");
            Assert.True(r.MedianSeconds > 0, $"{r}");
        });
    }

    [Fact]
    public void Matrix_multiply_restores_the_thread_count_it_found()
    {
        var before = get_num_threads();
        Throughput.MatrixMultiply([8], [1, 2], repetitions: 1, warmup: 0);
        Assert.Equal(before, get_num_threads());
    }

    [Fact]
    public void Convolution_gives_positive_finite_gflops_per_thread_count_with_flops_from_the_layer_shape()
    {
        var results = Throughput.Convolution(batch: 2, Threads, repetitions: 2, warmup: 1);

        Assert.Equal(Threads, results.Select(r => r.Threads));
        Assert.All(results, r =>
        {
            Assert.Equal(2, r.Size);
            Assert.Equal(2 * 203_233_536L, r.FlopsPerRun);
            Assert.True(double.IsFinite(r.GflopsPerSecond) && r.GflopsPerSecond > 0, $"{r}");
        });
    }

    [Fact]
    public void Memory_bandwidth_gives_positive_finite_gigabytes_per_second_per_thread_count()
    {
        var results = Throughput.MemoryBandwidth(megabytes: 4, Threads, repetitions: 2, warmup: 1);

        Assert.Equal(Threads, results.Select(r => r.Threads));
        Assert.All(results, r =>
        {
            Assert.Equal(3 * 4_000_000L, r.BytesPerRun);
            Assert.True(double.IsFinite(r.GigabytesPerSecond) && r.GigabytesPerSecond > 0, $"{r}");
        });
    }

    [Fact]
    public void Gpu_measurements_without_a_cuda_device_are_skipped_with_the_reason_rather_than_thrown()
    {
        var matmul = Throughput.MatrixMultiplyOnGpu([16], repetitions: 1, warmup: 0);
        var conv = Throughput.ConvolutionOnGpu(batch: 1, repetitions: 1, warmup: 0);
        var stream = Throughput.MemoryBandwidthOnGpu(megabytes: 4, repetitions: 1, warmup: 0);

        if (cuda.is_available())
        {
            Assert.All(matmul, r => Assert.True(r.GflopsPerSecond > 0, $"{r}"));
            Assert.True(conv.GflopsPerSecond > 0, $"{conv}");
            Assert.True(stream.GigabytesPerSecond > 0, $"{stream}");
            return;
        }

        var skipped = Assert.Single(matmul);
        Assert.True(skipped.Skipped);
        Assert.True(double.IsNaN(skipped.GflopsPerSecond));
        Assert.Empty(skipped.Samples);
        Assert.Contains("skipped: no CUDA device", skipped.ToString(), StringComparison.Ordinal);
        Assert.True(conv.Skipped);
        Assert.Contains("skipped: no CUDA device", conv.ToString(), StringComparison.Ordinal);
        Assert.True(stream.Skipped);
        Assert.True(double.IsNaN(stream.GigabytesPerSecond));
        Assert.Contains("skipped: no CUDA device", stream.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_measurements_leave_no_tensor_alive()
    {
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        var before = statistics.ThreadTotalLiveCount;

        Measure();
        Measure();

        Assert.Equal(before, statistics.ThreadTotalLiveCount);

        static void Measure()
        {
            Throughput.MatrixMultiply([16, 32], [1, 2], repetitions: 2, warmup: 1);
            Throughput.Convolution(batch: 1, [1], repetitions: 1, warmup: 1);
            Throughput.MemoryBandwidth(megabytes: 1, [1, 2], repetitions: 2, warmup: 1);
            Throughput.MatrixMultiplyOnGpu([16], repetitions: 1, warmup: 0);
        }
    }

    [Fact]
    public void Matrix_product_flops_are_two_n_cubed_and_streaming_counts_two_reads_and_one_write()
    {
        Assert.Equal(2_147_483_648L, Throughput.MatrixMultiplyFlops(1024));
        Assert.Equal(3 * 64_000_000L, Throughput.StreamBytes(64));
    }

    [Fact]
    public void Empty_or_non_positive_sizes_are_rejected_with_the_values_seen()
    {
        var error = Assert.Throws<ArgumentException>(() => Throughput.MatrixMultiply([64, 0], [1]));
        Assert.Contains("[64, 0]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Throughput.Convolution(1, []));
    }
}
