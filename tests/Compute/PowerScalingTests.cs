using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class PowerScalingTests
{
    [Fact]
    public void Quarter_clock_fits_16_cores_that_do_4x_the_work_in_the_same_power()
    {
        var row = PowerScaling.For(4);

        Assert.Equal(16, row.Cores);
        Assert.Equal(0.25, row.RelativeClock);
        Assert.Equal(4.0, row.RelativeThroughput, precision: 12);
        Assert.Equal(1.0, row.RelativePower, precision: 12);
    }

    [Fact]
    public void Default_table_covers_k_1_2_4_8_with_k_squared_cores_and_k_times_the_throughput()
    {
        var table = PowerScaling.Table();

        Assert.Equal([1, 2, 4, 8], table.Select(r => r.SlowdownFactor));
        Assert.Equal([1L, 4, 16, 64], table.Select(r => r.Cores));
        Assert.Equal([1.0, 2, 4, 8], table.Select(r => r.RelativeThroughput));
        Assert.All(table, r => Assert.Equal(1.0, r.RelativePower, precision: 12));
    }

    [Fact]
    public void A_cubic_power_law_makes_slow_cores_pay_off_even_more()
    {
        var row = PowerScaling.For(2, exponent: 3);
        Assert.Equal(8, row.Cores);
        Assert.Equal(4.0, row.RelativeThroughput, precision: 12);
    }

    [Fact]
    public void A_fractional_exponent_fits_only_whole_cores_within_the_budget()
    {
        var row = PowerScaling.For(2, exponent: 2.5);
        Assert.Equal(5, row.Cores);
        Assert.True(row.RelativePower <= 1.0);
    }
}
