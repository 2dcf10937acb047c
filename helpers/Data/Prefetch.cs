namespace DeepCnn.Data;

/// <summary>Prepares the next batch on another thread while the current one is in use (on a GPU: while it computes).</summary>
public static class Prefetch
{
    /// <summary>
    /// Yields the batches of <paramref name="batches"/> in order, loading each one while the previous is being used. A
    /// batch loaded ahead but never handed out (the caller stopped early) is disposed; the caller disposes the others.
    /// </summary>
    public static IEnumerable<Batch> OneAhead(IEnumerable<Batch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var enumerator = batches.GetEnumerator();
        Task<bool>? pending = null;
        try
        {
            pending = Task.Run(enumerator.MoveNext);
            while (pending.GetAwaiter().GetResult())
            {
                var current = enumerator.Current;
                pending = Task.Run(enumerator.MoveNext);
                yield return current;
            }

            pending = null;
        }
        finally
        {
            DisposeUnused(pending, enumerator);
            enumerator.Dispose();
        }
    }

    private static void DisposeUnused(Task<bool>? pending, IEnumerator<Batch> enumerator)
    {
        if (pending is null)
        {
            return;
        }

        try
        {
            if (pending.GetAwaiter().GetResult())
            {
                enumerator.Current.Dispose();
            }
        }
#pragma warning disable CA1031 // The caller is already leaving with its own exception or result; a failed look-ahead adds nothing.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
