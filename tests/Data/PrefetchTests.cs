using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Data;

public sealed class PrefetchTests
{
    private static Batch Numbered(int i) => new(full(1, 1, 1, 1, (float)i), tensor(new long[] { i }), [i]);

    [Fact]
    public void Batches_come_out_in_order_and_the_next_is_loaded_while_the_current_is_used()
    {
        var loaded = new List<int>();
        IEnumerable<Batch> Source()
        {
            for (var i = 0; i < 4; i++)
            {
                lock (loaded)
                {
                    loaded.Add(i);
                }

                yield return Numbered(i);
            }
        }

        var seen = new List<int>();
        foreach (var batch in Prefetch.OneAhead(Source()))
        {
            using (batch)
            {
                SpinWait.SpinUntil(() =>
                {
                    lock (loaded)
                    {
                        return loaded.Count > Math.Min(batch.Indices[0] + 1, 3);
                    }
                }, TimeSpan.FromSeconds(5));
                lock (loaded)
                {
                    // While batch i is in use, batch i + 1 has been loaded already (up to the last).
                    Assert.Contains(Math.Min(batch.Indices[0] + 1, 3), loaded);
                }

                seen.Add(batch.Indices[0]);
            }
        }

        Assert.Equal([0, 1, 2, 3], seen);
    }

    [Fact]
    public void A_batch_loaded_ahead_but_never_used_is_disposed_when_the_caller_stops()
    {
        var made = new List<Batch>();
        IEnumerable<Batch> Source()
        {
            for (var i = 0; i < 5; i++)
            {
                var batch = Numbered(i);
                made.Add(batch);
                yield return batch;
            }
        }

        foreach (var batch in Prefetch.OneAhead(Source()))
        {
            batch.Dispose();
            break;
        }

        Assert.Equal(2, made.Count);
        Assert.True(made[1].Images.IsInvalid, "the batch loaded ahead should have been disposed");
    }

    [Fact]
    public void An_error_while_loading_reaches_the_caller()
    {
        static IEnumerable<Batch> Failing()
        {
            yield return Numbered(0);
            throw new InvalidDataException("broken record");
        }

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var batch in Prefetch.OneAhead(Failing()))
            {
                batch.Dispose();
            }
        });
        Assert.Equal("broken record", error.Message);
    }
}
