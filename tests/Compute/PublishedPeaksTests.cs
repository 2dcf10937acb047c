using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class PublishedPeaksTests
{
    [Fact]
    public void Every_published_peak_has_positive_numbers_and_says_where_they_come_from()
    {
        Assert.All(PublishedPeaks.All, peak =>
        {
            Assert.True(peak.Fp32TeraFlops > 0 && peak.MemoryBandwidthGBs > 0, peak.Name);
            Assert.InRange(peak.Year, 2000, 2030);
            Assert.Matches("datasheet|specification", peak.Note);
            Assert.Contains("published", peak.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Peaks_are_listed_oldest_first_starting_with_the_card_alexnet_used()
    {
        Assert.Equal(PublishedPeaks.All.OrderBy(p => p.Year).Select(p => p.Name), PublishedPeaks.All.Select(p => p.Name));
        Assert.Same(PublishedPeaks.GeForceGtx580, PublishedPeaks.All[0]);
        Assert.Equal(1_581, PublishedPeaks.GeForceGtx580.Fp32GigaFlops, precision: 6);
    }
}
