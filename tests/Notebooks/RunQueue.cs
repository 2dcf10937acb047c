namespace DeepCnn.Tests.Notebooks;

/// <summary>At most a given number of runs at once, admitted in the order they asked (first come, first served).</summary>
internal sealed class RunQueue(int slots)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> waiting = new();
    private int free = slots;

    /// <summary>A task that completes when this caller may start; callers are admitted in the order they called.</summary>
    public Task Enter()
    {
        lock (gate)
        {
            if (free > 0 && waiting.Count == 0)
            {
                free--;
                return Task.CompletedTask;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Enqueue(turn);
            return turn.Task;
        }
    }

    /// <summary>Frees the caller's slot for the next in line.</summary>
    public void Leave()
    {
        lock (gate)
        {
            if (waiting.TryDequeue(out var next))
            {
                next.SetResult();
            }
            else
            {
                free++;
            }
        }
    }
}
