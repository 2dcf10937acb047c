using System.ComponentModel.DataAnnotations;
using DeepCnn.Configuration;
using DeepCnn.Data;

namespace DeepCnn.Compute;

/// <summary>
/// The sizes notebook 02 (and the benchmark) measure at. Defaults suit a reader's machine; the quick profile
/// (<c>ALEXNET_PROFILE=quick</c>) keeps the whole notebook well under a minute on two cores. Each property can be
/// overridden by an ALEXNET_* variable (see <see cref="EnvironmentOverrides"/>).
/// </summary>
public sealed record ThroughputOptions : IHasProfiles<ThroughputOptions>, IValidatableObject
{
    /// <summary>The largest matrix side allowed: three 16384x16384 float32 matrices already take 3 GB.</summary>
    public const int MaxMatrix = 16_384;

    /// <summary>Side of the smallest matrix product; sizes double from here.</summary>
    [Range(1, MaxMatrix)]
    public int SmallestMatrix { get; init; } = 128;

    /// <summary>Side of the largest matrix product (2048: 17 GFLOP a product).</summary>
    [Range(1, MaxMatrix)]
    public int LargestMatrix { get; init; } = 2048;

    /// <summary>Most CPU threads to try (null: one per logical core); thread counts double from 1 up to it.</summary>
    [Range(1, CpuThreads.MaxThreads)]
    public int? MaxThreads { get; init; }

    /// <summary>Images per batch in the convolution measurement (AlexNet's batch: 64).</summary>
    [Range(1, BatchOptions.MaxBatchSize)]
    public int ConvolutionBatch { get; init; } = 64;

    /// <summary>Size of each array in the memory-bandwidth measurement, in MB; far beyond any cache (two such arrays are allocated).</summary>
    [Range(1, 16_384)]
    public int StreamMegabytes { get; init; } = 256;

    /// <summary>Timed runs per measurement; the median is reported.</summary>
    [Range(1, int.MaxValue)]
    public int Repetitions { get; init; } = 5;

    /// <summary>Untimed runs before them.</summary>
    [Range(0, int.MaxValue)]
    public int Warmup { get; init; } = 1;

    /// <summary>Matrix sides from <see cref="SmallestMatrix"/>, doubling, up to and including <see cref="LargestMatrix"/>.</summary>
    public IReadOnlyList<int> MatrixSizes()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SmallestMatrix, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(LargestMatrix, SmallestMatrix);
        return Doubling(SmallestMatrix, LargestMatrix);
    }

    /// <summary>CPU thread counts 1, 2, 4, ... up to and including <see cref="MaxThreads"/> (or the logical core count).</summary>
    public IReadOnlyList<int> ThreadCounts()
    {
        var max = MaxThreads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(MaxThreads));
        return Doubling(1, max);
    }

    /// <summary>The rule between properties: the largest matrix is at least the smallest.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LargestMatrix < SmallestMatrix)
        {
            yield return new ValidationResult($"expected at least {nameof(SmallestMatrix)} ({SmallestMatrix}).", [nameof(LargestMatrix)]);
        }
    }

    /// <inheritdoc />
    public ThroughputOptions For(RunProfile profile) => profile == RunProfile.Quick
        ? this with
        {
            LargestMatrix = Math.Max(SmallestMatrix, Math.Min(LargestMatrix, 1024)),
            ConvolutionBatch = Math.Min(ConvolutionBatch, 8),
            StreamMegabytes = Math.Min(StreamMegabytes, 64),
            Repetitions = Math.Min(Repetitions, 3),
        }
        : this;

    // first, 2 first, 4 first, ... while at most last, then last itself when the doubling skipped it.
    private static int[] Doubling(int first, int last)
    {
        var values = new List<int>();
        for (long value = first; value <= last; value *= 2)
        {
            values.Add((int)value);
        }

        if (values[^1] != last)
        {
            values.Add(last);
        }

        return [.. values];
    }
}
