using static TorchSharp.torch;

namespace DeepCnn.Compute;

/// <summary>
/// Measures what this machine achieves on the operations AlexNet spends its time in: dense matrix products,
/// its first convolution, and plain streaming through memory. CPU measurements run once per thread count, so a
/// notebook can show how the work spreads over cores; GPU ones run when TorchSharp finds a CUDA device and come back
/// <see cref="ThroughputResult.Skipped"/> (with the reason) when it does not.
/// </summary>
public static class Throughput
{
    /// <summary>The reason every GPU measurement gives on a machine without CUDA.</summary>
    public const string NoCudaReason = "no CUDA device (a CPU-only TorchSharp build, or no NVIDIA GPU found)";

    /// <summary>The name of the matrix-product measurement.</summary>
    public const string MatrixMultiplyName = "matmul";

    /// <summary>The name of the convolution measurement.</summary>
    public const string ConvolutionName = "conv";

    /// <summary>The name of the memory-streaming measurement.</summary>
    public const string StreamName = "a.add_(b)";

    /// <summary>FLOPs of an n x n by n x n float32 matrix product: n^2 outputs, each n multiplies and n adds.</summary>
    public static long MatrixMultiplyFlops(int n) => 2L * n * n * n;

    /// <summary>
    /// Float32 <c>n x n</c> matrix products on the CPU, one result per size and thread count (each thread count set with
    /// <see cref="CpuThreads.With"/>, so the previous one is back afterwards). On a busy machine more threads can be
    /// slower than fewer: each waits for the others at every synchronisation point.
    /// </summary>
    public static IReadOnlyList<ThroughputResult> MatrixMultiply(IReadOnlyList<int> sizes, IReadOnlyList<int> threadCounts,
        int repetitions = 3, int warmup = 1)
    {
        RequirePositive(sizes, nameof(sizes));
        RequirePositive(threadCounts, nameof(threadCounts));
        var results = new List<ThroughputResult>();
        foreach (var n in sizes)
        {
            using var a = randn(n, n);
            using var b = randn(n, n);
            foreach (var threads in threadCounts)
            {
                results.Add(CpuThreads.With(threads, () => new ThroughputResult(MatrixMultiplyName, n, threads, "cpu", MatrixMultiplyFlops(n),
                    Timing.Measure(() => a.mm(b), repetitions, warmup))));
            }
        }

        return results;
    }

    /// <summary>
    /// Float32 <c>n x n</c> matrix products on a CUDA device ("cuda" or "cuda:N"), one result per size; a single
    /// skipped result when there is no CUDA device.
    /// </summary>
    public static IReadOnlyList<ThroughputResult> MatrixMultiplyOnGpu(IReadOnlyList<int> sizes, int repetitions = 3, int warmup = 1,
        string device = "cuda")
    {
        RequirePositive(sizes, nameof(sizes));
        if (!cuda.is_available())
        {
            return [ThroughputResult.Skip(MatrixMultiplyName, sizes[^1], device, MatrixMultiplyFlops(sizes[^1]), NoCudaReason)];
        }

        var gpu = Devices.Resolve(device);
        var results = new List<ThroughputResult>();
        foreach (var n in sizes)
        {
            using var a = randn(n, n, device: gpu);
            using var b = randn(n, n, device: gpu);
            results.Add(new ThroughputResult(MatrixMultiplyName, n, CpuThreads.Current, gpu.ToString(), MatrixMultiplyFlops(n),
                Timing.Measure(() => a.mm(b), repetitions, warmup, gpu)));
        }

        return results;
    }

    /// <summary>
    /// The forward pass of one convolution layer (default: AlexNet's first, <see cref="ConvolutionShape.AlexNetConv1"/>)
    /// over a batch of random images on the CPU, one result per thread count. FLOPs come from the layer's shape.
    /// </summary>
    public static IReadOnlyList<ThroughputResult> Convolution(int batch, IReadOnlyList<int> threadCounts, ConvolutionShape? layer = null,
        int repetitions = 3, int warmup = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        RequirePositive(threadCounts, nameof(threadCounts));
        layer ??= ConvolutionShape.AlexNetConv1;
        using var input = randn(layer.InputShape(batch));
        using var weight = randn(layer.WeightShape);
        return threadCounts
            .Select(threads => CpuThreads.With(threads, () => new ThroughputResult(ConvolutionName, batch, threads, "cpu",
                batch * layer.FlopsPerImage, Timing.Measure(() => Convolve(input, weight, layer), repetitions, warmup))))
            .ToList();
    }

    /// <summary>As <see cref="Convolution"/>, on a CUDA device; skipped when there is none.</summary>
    public static ThroughputResult ConvolutionOnGpu(int batch, ConvolutionShape? layer = null, int repetitions = 3, int warmup = 1,
        string device = "cuda")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        layer ??= ConvolutionShape.AlexNetConv1;
        if (!cuda.is_available())
        {
            return ThroughputResult.Skip(ConvolutionName, batch, device, batch * layer.FlopsPerImage, NoCudaReason);
        }

        var gpu = Devices.Resolve(device);
        using var input = randn(layer.InputShape(batch), device: gpu);
        using var weight = randn(layer.WeightShape, device: gpu);
        return new ThroughputResult(ConvolutionName, batch, CpuThreads.Current, gpu.ToString(), batch * layer.FlopsPerImage,
            Timing.Measure(() => Convolve(input, weight, layer), repetitions, warmup, gpu));
    }

    /// <summary>
    /// Bytes moved by <c>a.add_(b)</c> on two float32 arrays of <paramref name="megabytes"/> MB each: it reads a and b
    /// and writes a, three arrays' worth. Almost no arithmetic per byte, so memory, not the cores, sets its speed.
    /// </summary>
    public static long StreamBytes(int megabytes) => 3L * Elements(megabytes) * sizeof(float);

    /// <summary>
    /// Memory bandwidth on the CPU, one result per thread count: <c>a.add_(b)</c> over arrays far larger than any cache
    /// (use at least 64 MB each), counting bytes read plus written.
    /// </summary>
    public static IReadOnlyList<BandwidthResult> MemoryBandwidth(int megabytes, IReadOnlyList<int> threadCounts, int repetitions = 3, int warmup = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(megabytes, 1);
        RequirePositive(threadCounts, nameof(threadCounts));
        using var a = ones(Elements(megabytes));
        using var b = ones(Elements(megabytes));
        return threadCounts
            .Select(threads => CpuThreads.With(threads, () => new BandwidthResult(StreamName, megabytes, threads, "cpu", StreamBytes(megabytes),
                Timing.Measure(() => a.add_(b), repetitions, warmup))))
            .ToList();
    }

    /// <summary>As <see cref="MemoryBandwidth"/>, on a CUDA device's memory; skipped when there is none.</summary>
    public static BandwidthResult MemoryBandwidthOnGpu(int megabytes, int repetitions = 3, int warmup = 1, string device = "cuda")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(megabytes, 1);
        if (!cuda.is_available())
        {
            return BandwidthResult.Skip(StreamName, megabytes, device, StreamBytes(megabytes), NoCudaReason);
        }

        var gpu = Devices.Resolve(device);
        using var a = ones(Elements(megabytes), device: gpu);
        using var b = ones(Elements(megabytes), device: gpu);
        return new BandwidthResult(StreamName, megabytes, CpuThreads.Current, gpu.ToString(), StreamBytes(megabytes),
            Timing.Measure(() => a.add_(b), repetitions, warmup, gpu));
    }

    // No bias: it would add one FLOP per output that FlopsPerImage does not count.
    private static Tensor Convolve(Tensor input, Tensor weight, ConvolutionShape layer) =>
        nn.functional.conv2d(input, weight, null, [layer.Stride], [layer.Padding]);

    private static long Elements(int megabytes) => megabytes * 1_000_000L / sizeof(float);

    private static void RequirePositive(IReadOnlyList<int> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0 || values.Any(v => v < 1))
        {
            throw new ArgumentException($"Expected one or more positive values, got [{string.Join(", ", values)}].", name);
        }
    }
}
