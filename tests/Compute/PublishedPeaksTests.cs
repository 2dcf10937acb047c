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

    [Theory]
    [InlineData("NVIDIA H200", "NVIDIA H200 (SXM, 141 GB)")]
    [InlineData("NVIDIA H100 80GB HBM3", "NVIDIA H100 (SXM5, 80 GB)")]
    [InlineData("NVIDIA A100-SXM4-40GB", "NVIDIA A100 (SXM4, 40 GB)")]
    public void A_gpu_is_found_by_the_model_in_its_name(string reported, string expected)
    {
        Assert.Equal(expected, PublishedPeaks.ForGpu(reported)?.Name);
        Assert.True(PublishedPeaks.ForGpu(reported)!.Tf32TeraFlops > PublishedPeaks.ForGpu(reported)!.Fp32TeraFlops);
    }

    [Fact]
    public void An_unlisted_gpu_has_no_published_peak_here()
    {
        Assert.Null(PublishedPeaks.ForGpu("NVIDIA GeForce RTX 4090"));
        Assert.Null(PublishedPeaks.ForGpu(null));
    }
}
