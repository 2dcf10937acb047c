namespace DeepCnn.Benchmarks;

/// <summary>
/// Runs the two sides of one figure in turn, repetition by repetition (C#, Python, C#, Python, ...), so that whatever
/// else the machine does in the meantime falls on both alike; the ratio of medians from one run is then worth reading
/// even where single timings swing by a third.
/// </summary>
public static class Alternation
{
    /// <summary>
    /// <paramref name="warmup"/> untimed rounds then <paramref name="repetitions"/> timed ones, each C# first, then
    /// Python. <paramref name="python"/> may be null (no peer) or return null (the peer failed): Python is then left
    /// out from that point on. <paramref name="onRepetition"/> sees every timed round (index from 1).
    /// </summary>
    public static (IReadOnlyList<double> CSharp, IReadOnlyList<double> Python) Run(int warmup, int repetitions, Func<double> csharp,
        Func<double?>? python, Action<int, double, double?>? onRepetition = null)
    {
        ArgumentNullException.ThrowIfNull(csharp);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var csharpSamples = new List<double>();
        var pythonSamples = new List<double>();
        for (var round = 0; round < warmup + repetitions; round++)
        {
            var c = csharp();
            var p = python?.Invoke();
            if (p is null)
            {
                python = null;
            }

            if (round < warmup)
            {
                continue;
            }

            csharpSamples.Add(c);
            if (p is { } value)
            {
                pythonSamples.Add(value);
            }

            onRepetition?.Invoke(round - warmup + 1, c, p);
        }

        return (csharpSamples, pythonSamples);
    }
}
