using static TorchSharp.torch;

namespace DeepCnn.Compute;

/// <summary>Runs work with a given number of TorchSharp CPU threads and puts the previous number back afterwards.</summary>
public static class CpuThreads
{
    /// <summary>
    /// The most threads an option may ask for: more than any machine's cores (libtorch took minutes to start 16,384
    /// OpenMP threads, and aborts the process on 0 or fewer).
    /// </summary>
    public const int MaxThreads = 1024;

    /// <summary>The number of threads TorchSharp's CPU operations use now, as seen from this thread.</summary>
    public static int Current => get_num_threads();

    /// <summary>
    /// Sets TorchSharp's CPU thread count to <paramref name="count"/>, runs <paramref name="body"/>, and restores the
    /// previous count even when <paramref name="body"/> throws. libtorch keeps the OpenMP setting per calling thread,
    /// so set, run and restore all happen here, on one thread.
    /// </summary>
    public static T With<T>(int count, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxThreads);
        var previous = get_num_threads();
        set_num_threads(count);
        try
        {
            return body();
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}
