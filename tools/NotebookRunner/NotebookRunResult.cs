namespace DeepCnn.NotebookExecution;

/// <summary>The result of running one notebook.</summary>
/// <param name="NotebookPath">Full path of the input notebook.</param>
/// <param name="ExecutedPath">Where the executed copy was written; null when no output folder was given.</param>
/// <param name="Duration">Wall-clock time, kernel start-up included.</param>
/// <param name="Cells">One result per code cell, in order, including the cells not reached after a failure.</param>
public sealed record NotebookRunResult(
    string NotebookPath,
    string? ExecutedPath,
    TimeSpan Duration,
    IReadOnlyList<CellResult> Cells)
{
    /// <summary>True when every code cell succeeded (or was empty).</summary>
    public bool Succeeded => Cells.All(c => c.Succeeded);

    /// <summary>The cell that stopped the run, if any.</summary>
    public CellResult? FailedCell => Cells.FirstOrDefault(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Cancelled);
}
