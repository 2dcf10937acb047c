using static TorchSharp.torch;

namespace DeepCnn.Compute;

/// <summary>
/// Times a piece of tensor work the way benchmarks must: a few untimed warm-up runs first (the first call pays for
/// page faults, kernel selection and caches), then repetitions timed one by one.
/// </summary>
public static class Timing
{
    /// <summary>
    /// Runs <paramref name="body"/> <paramref name="warmup"/> times untimed, then <paramref name="repetitions"/> times
    /// timed. Each run sits in its own dispose scope, so the tensors it makes are freed before the next. On a CUDA
    /// <paramref name="device"/> the clock is read only after <c>cuda.synchronize</c>: GPU calls return before the GPU
    /// has finished, and timing the launch alone would flatter it.
    /// </summary>
    /// <param name="body">The work to time; it should make no tensors that outlive it.</param>
    /// <param name="repetitions">Timed runs (at least 1).</param>
    /// <param name="warmup">Untimed runs before them (0 or more).</param>
    /// <param name="device">Where the work runs (null: the CPU).</param>
    /// <param name="clock">The clock to read (null: the system's high-resolution one); tests pass a fake.</param>
    public static Measurement Measure(Action body, int repetitions = 3, int warmup = 1, Device? device = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        clock ??= TimeProvider.System;
        var onCuda = device?.type == TorchSharp.DeviceType.CUDA;
        var samples = new double[repetitions];
        for (var run = 0; run < warmup + repetitions; run++)
        {
            using var scope = NewDisposeScope();
            if (onCuda)
            {
                // Work queued before this run (making the inputs, the previous run) must not land in its time.
                cuda.synchronize(device);
            }

            var start = clock.GetTimestamp();
            body();
            if (onCuda)
            {
                cuda.synchronize(device);
            }

            var end = clock.GetTimestamp();
            if (run >= warmup)
            {
                samples[run - warmup] = (end - start) / (double)clock.TimestampFrequency;
            }
        }

        return new Measurement(samples);
    }
}
