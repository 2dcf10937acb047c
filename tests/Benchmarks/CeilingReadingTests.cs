using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public sealed class CeilingReadingTests
{
    [Fact]
    public void The_ceiling_is_the_theoretical_peak_when_no_product_reaches_it()
    {
        var ceiling = new CeilingReading(268.8, "formula", 231.5, "C# matmul 4096x4096");

        Assert.Equal(268.8, ceiling.Gflops);
        Assert.Equal("theoretical peak", ceiling.Basis);
    }

    [Fact]
    public void A_product_faster_than_the_assumed_clock_allows_becomes_the_ceiling()
    {
        var ceiling = new CeilingReading(268.8, "formula", 301.2, "PyTorch matmul 4096x4096");

        Assert.Equal(301.2, ceiling.Gflops);
        Assert.Equal("fastest measured product", ceiling.Basis);
        Assert.Contains("112% of the theoretical peak", ceiling.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_theoretical_peak_the_fastest_product_is_the_ceiling_and_the_reason_is_given()
    {
        var ceiling = new CeilingReading(null, "not estimated for a GPU here", 41_000, "C# matmul 4096x4096");

        Assert.Equal(41_000, ceiling.Gflops);
        Assert.Contains("not estimated for a GPU here", ceiling.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("% of the theoretical", ceiling.Describe(), StringComparison.Ordinal);
    }
}
