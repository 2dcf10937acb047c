using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public sealed class AlternationTests
{
    [Fact]
    public void Sides_take_turns_and_warmup_rounds_are_run_but_not_kept()
    {
        var calls = new List<string>();
        var c = 0.0;
        var p = 10.0;
        var rounds = new List<int>();
        var (csharp, python) = Alternation.Run(warmup: 1, repetitions: 3,
            () => { calls.Add("C#"); return c++; },
            () => { calls.Add("Py"); return p++; },
            (round, _, _) => rounds.Add(round));

        Assert.Equal(["C#", "Py", "C#", "Py", "C#", "Py", "C#", "Py"], calls);
        Assert.Equal([1.0, 2.0, 3.0], csharp);
        Assert.Equal([11.0, 12.0, 13.0], python);
        Assert.Equal([1, 2, 3], rounds);
    }

    [Fact]
    public void Without_a_peer_only_csharp_runs()
    {
        var (csharp, python) = Alternation.Run(0, 2, () => 1.0, null);
        Assert.Equal([1.0, 1.0], csharp);
        Assert.Empty(python);
    }

    [Fact]
    public void A_peer_that_fails_is_not_asked_again()
    {
        var asked = 0;
        var (csharp, python) = Alternation.Run(0, 4, () => 1.0, () => ++asked == 2 ? null : 5.0);
        Assert.Equal(4, csharp.Count);
        Assert.Equal([5.0], python);
        Assert.Equal(2, asked);
    }
}
