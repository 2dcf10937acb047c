using System.Diagnostics;
using System.Globalization;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// Reads this process's resident memory every few milliseconds on a thread of its own, without trimming or collecting
/// anything first, so what it records is what the system saw: the swings of an allocator that keeps freed memory show
/// up, and so does a peak between two steps. The exact peak comes from the kernel (<see cref="ProcessMemory.PeakBytes"/>);
/// the samples say how the memory moved on the way there.
/// </summary>
public sealed class ResidentSampler : IDisposable
{
    private readonly Func<long?> read;
    private readonly TimeSpan interval;
    private readonly Thread thread;
    private readonly List<(double Seconds, long Bytes)> samples = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private volatile bool stopping;

    /// <summary>Starts sampling every <paramref name="interval"/> with <paramref name="read"/> (default: VmRSS from /proc/self/statm).</summary>
    public ResidentSampler(TimeSpan interval, Func<long?>? read = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.interval = interval;
        this.read = read ?? ResidentFromStatm;
        thread = new Thread(Loop) { IsBackground = true, Name = "resident memory sampler", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>Seconds since the sampler started, on the clock the samples use.</summary>
    public double Elapsed => clock.Elapsed.TotalSeconds;

    /// <summary>Stops sampling and returns every sample taken, in order.</summary>
    public IReadOnlyList<(double Seconds, long Bytes)> Stop()
    {
        stopping = true;
        thread.Join();
        lock (samples)
        {
            return samples.ToArray();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!stopping)
        {
            Stop();
        }
    }

    /// <summary>Resident bytes from the second field of a /proc/[pid]/statm line (pages) times the page size; null when unreadable.</summary>
    public static long? ParseStatm(string statm, int pageSize)
    {
        var fields = statm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages * pageSize
            : null;
    }

    private static long? ResidentFromStatm()
    {
        if (!OperatingSystem.IsLinux())
        {
            return ProcessMemory.ResidentBytes();
        }

        try
        {
            return ParseStatm(File.ReadAllText("/proc/self/statm"), Environment.SystemPageSize);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // At least one sample, however soon it is stopped.
    private void Loop()
    {
        do
        {
            if (read() is { } bytes)
            {
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, bytes));
                }
            }

            Thread.Sleep(interval);
        }
        while (!stopping);
    }
}
