using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class EpochEstimateTests
{
    private const long ChapterTrainingFlops = 3 * 893_819_136L;

    [Fact]
    public void Chapter_network_on_50000_images_at_100_gflops_takes_1340_7_seconds_an_epoch()
    {
        var estimate = EpochEstimate.ForCifar10(ChapterTrainingFlops, gflopsPerSecond: 100);

        Assert.Equal(1_340.728704, estimate.Seconds, precision: 6);
        Assert.Equal(1_340.728704 / 60, estimate.Minutes, precision: 9);
        Assert.Equal(50_000, estimate.ImagesPerEpoch);
    }

    [Fact]
    public void Images_per_second_times_seconds_per_epoch_is_the_epoch()
    {
        var estimate = new EpochEstimate(ChapterTrainingFlops, 50_000, 37.5);

        Assert.Equal(50_000, estimate.ImagesPerSecond * estimate.Seconds, precision: 6);
        Assert.Equal(37.5e9 / ChapterTrainingFlops, estimate.ImagesPerSecond, precision: 9);
    }

    [Fact]
    public void Twice_the_rate_halves_the_time()
    {
        var slow = EpochEstimate.ForCifar10(ChapterTrainingFlops, 50);
        var fast = EpochEstimate.ForCifar10(ChapterTrainingFlops, 100);
        Assert.Equal(slow.Seconds / 2, fast.Seconds, precision: 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_positive_and_finite_is_rejected(double gflops)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochEstimate.ForCifar10(ChapterTrainingFlops, gflops));
    }

    [Fact]
    public void Summary_line_gives_seconds_minutes_and_images_per_second()
    {
        var text = EpochEstimate.ForCifar10(ChapterTrainingFlops, 100).ToString();
        Assert.Equal("at 100.0 GFLOP/s: 1,340.7 s (22.3 min) per epoch of 50,000 images, 37.3 images/s", text);
    }
}
