using DeepCnn.Compute;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

[Collection(CpuThreadsCollection.Name)]
public sealed class CpuThreadsTests
{
    [Fact]
    public void With_runs_the_body_at_the_given_count_and_restores_the_previous_one()
    {
        var before = get_num_threads();
        var other = before == 1 ? 2 : 1;

        var inside = CpuThreads.With(other, () => get_num_threads());

        Assert.Equal(other, inside);
        Assert.Equal(before, get_num_threads());
    }

    [Fact]
    public void With_restores_the_previous_count_when_the_body_throws()
    {
        var before = get_num_threads();
        var other = before == 1 ? 2 : 1;

        Assert.Throws<InvalidOperationException>(() => CpuThreads.With<int>(other, () => throw new InvalidOperationException("body failed")));

        Assert.Equal(before, get_num_threads());
    }

    [Fact]
    public void With_rejects_a_count_below_one_and_leaves_the_count_alone()
    {
        var before = get_num_threads();
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuThreads.With(0, () => 0));
        Assert.Equal(before, get_num_threads());
    }
}
