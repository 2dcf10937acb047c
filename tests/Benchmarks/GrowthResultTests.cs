using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public sealed class GrowthResultTests
{
    private static GrowthResult Of(params long[] megabytes) => new(200, 8,
        megabytes.Select((mb, i) => new MemoryReading(i * 200 / (megabytes.Length - 1), mb * 1_000_000)).ToList(), 50, 50);

    [Fact]
    public void Two_readings_give_the_plain_change_from_first_to_last()
    {
        Assert.Equal(2.0, Of(1_000, 1_020).GrowthPercent, 9);
    }

    [Fact]
    public void A_steady_leak_shows_as_growth_whatever_the_single_readings_do()
    {
        // 1 MB a reading on top of +-20 MB of layout noise (symmetric, so it tilts no line).
        long[] noise = [0, 20, -20, 15, -15, 0, -15, 15, -20, 20, 0];
        var leaking = Of([.. noise.Select((n, i) => 1_000 + i + n)]);
        Assert.Equal(1.0, leaking.GrowthPercent, 9);
    }

    [Fact]
    public void One_reading_that_jumps_does_not_make_a_flat_run_look_like_growth_or_shrinkage()
    {
        var flat = Of(1_000, 1_000, 1_001, 1_000, 1_001, 1_000, 1_001, 1_000, 1_001, 1_000, 820);
        Assert.InRange(flat.GrowthPercent, -0.2, 0.2);
        Assert.InRange(Of(1_000, 1_000, 1_001, 1_000, 1_190, 1_000, 1_001, 1_000, 1_001, 1_000, 1_000).GrowthPercent, -0.2, 0.2);
        Assert.Equal(1_000_000_000, flat.ResidentBefore);
        Assert.Equal(820_000_000, flat.ResidentAfter);
        Assert.Equal(0, flat.LiveTensorGrowth);
    }
}
