using DeepCnn.Compute;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

public sealed class TimingTests
{
    [Fact]
    public void Median_of_an_odd_count_is_the_middle_sample()
    {
        var measurement = new Measurement([0.3, 0.1, 0.2, 0.9, 0.15]);
        Assert.Equal(0.2, measurement.Median);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_samples()
    {
        Assert.Equal(2.5, Measurement.MedianOf([4.0, 1.0, 3.0, 2.0]));
    }

    [Fact]
    public void Min_and_max_are_the_fastest_and_slowest_samples_and_samples_keep_their_order()
    {
        var measurement = new Measurement([0.3, 0.1, 0.2]);
        Assert.Equal(0.1, measurement.Min);
        Assert.Equal(0.3, measurement.Max);
        Assert.Equal([0.3, 0.1, 0.2], measurement.Samples);
    }

    [Fact]
    public void A_measurement_without_samples_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Measurement([]));
    }

    [Fact]
    public void Warmup_runs_are_run_but_not_included_in_samples()
    {
        var clock = new SteppingClock();
        long[] durations = [100, 200, 1, 2, 3];
        var calls = 0;

        var measurement = Timing.Measure(() => clock.Advance(durations[calls++]), repetitions: 3, warmup: 2, clock: clock);

        Assert.Equal(5, calls);
        Assert.Equal([1.0, 2.0, 3.0], measurement.Samples);
        Assert.Equal(2.0, measurement.Median);
    }

    [Fact]
    public void Tensors_made_by_the_timed_body_are_disposed_after_each_run()
    {
        var made = new List<Tensor>();

        Timing.Measure(() => made.Add(ones(4, 4) * 2), repetitions: 2, warmup: 1);

        Assert.Equal(3, made.Count);
        Assert.All(made, tensor => Assert.True(tensor.IsInvalid, "a tensor made in the body outlived its run"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, -1)]
    public void Measure_rejects_no_repetitions_or_negative_warmup(int repetitions, int warmup)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timing.Measure(() => { }, repetitions, warmup));
    }
}
