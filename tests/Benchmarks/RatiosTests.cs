using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public sealed class RatiosTests
{
    [Fact]
    public void Ratio_is_csharp_over_python()
    {
        Assert.Equal(1.25, Ratios.Ratio(50, 40));
    }

    [Theory]
    [InlineData(null, 40.0)]
    [InlineData(50.0, null)]
    [InlineData(50.0, 0.0)]
    [InlineData(double.NaN, 40.0)]
    [InlineData(50.0, double.PositiveInfinity)]
    public void Ratio_is_absent_when_a_side_is_missing_zero_or_not_finite(double? csharp, double? python)
    {
        Assert.Null(Ratios.Ratio(csharp, python));
    }

    [Theory]
    [InlineData(Better.Higher, 1.0, true)]
    [InlineData(Better.Higher, 0.98, false)]
    [InlineData(Better.Lower, 0.5, true)]
    [InlineData(Better.Lower, 1.02, false)]
    public void A_ratio_is_judged_by_which_way_the_figure_improves(Better better, double ratio, bool expected)
    {
        Assert.Equal(expected, Ratios.AtLeastAsGood(better, ratio));
    }

    [Fact]
    public void A_ratio_that_prints_as_1_00_is_not_called_behind()
    {
        Assert.True(Ratios.AtLeastAsGood(Better.Higher, 0.996));
        Assert.False(Ratios.AtLeastAsGood(Better.Higher, 0.994));
        Assert.True(Ratios.AtLeastAsGood(Better.Lower, 1.004));
    }

    [Fact]
    public void Context_figures_and_missing_ratios_are_not_judged()
    {
        Assert.Null(Ratios.AtLeastAsGood(Better.Neither, 3.0));
        Assert.Null(Ratios.AtLeastAsGood(Better.Higher, null));
    }

    [Fact]
    public void Throughput_flops_percent_and_growth_are_plain_arithmetic()
    {
        Assert.Equal(32.0, Ratios.ImagesPerSecond(64, 2.0));
        Assert.Equal(4.0, Ratios.Gflops(8e9, 2.0));
        Assert.Equal(25.0, Ratios.Percent(0.5, 2.0));
        Assert.Equal(2.0, Ratios.GrowthPercent(1_000, 1_020), 12);
        Assert.Equal(-1.0, Ratios.GrowthPercent(1_000, 990), 12);
        Assert.Equal(1.5, Ratios.Megabytes(1_500_000));
    }

    [Fact]
    public void Dividing_by_nothing_is_an_error_not_an_infinity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ratios.ImagesPerSecond(64, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ratios.GrowthPercent(0, 10));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_a_reading_keeps_its_samples()
    {
        var reading = Reading.MedianOf([4.0, 1.0, 3.0, 2.0]);
        Assert.Equal(2.5, reading.Value);
        Assert.Equal([4.0, 1.0, 3.0, 2.0], reading.Samples);
        Assert.Equal(3.0, Ratios.Median([5.0, 3.0, 1.0]));
    }

    [Fact]
    public void A_figure_computes_its_ratio_and_verdict_from_its_two_readings()
    {
        var figure = new Figure("k", "Training", "classic", "images/s", Better.Higher, Reading.Of(30), Reading.Of(24));
        Assert.Equal(1.25, figure.Ratio);
        Assert.True(figure.CSharpAtLeastAsGood);
        Assert.Null((figure with { Python = null }).Ratio);
    }
}
