namespace DeepCnn.NotebookExecution;

/// <summary>What the console runner prints about one notebook at the end, as its process reported it.</summary>
/// <param name="NotebookPath">Full path of the input notebook.</param>
/// <param name="Duration">Wall-clock time of the notebook's run.</param>
/// <param name="CodeCells">Number of code cells.</param>
/// <param name="CellsRan">Code cells that were sent to the kernel.</param>
/// <param name="FailedCell">1-based number of the cell that stopped the run, if one did.</param>
/// <param name="Problem">Why the notebook has no result of its own (its process died), if so.</param>
/// <param name="Cancelled">Whether the run was stopped with Ctrl+C (the failed cell is then the one that was cancelled).</param>
internal sealed record NotebookSummary(string NotebookPath, TimeSpan Duration, int CodeCells, int CellsRan, int? FailedCell, string? Problem, bool Cancelled = false)
{
    public bool Succeeded => FailedCell is null && Problem is null;

    public static NotebookSummary Of(NotebookRunResult result) => new(
        result.NotebookPath,
        result.Duration,
        result.Cells.Count,
        result.Cells.Count(c => c.Status is not (CellStatus.NotRun or CellStatus.Skipped)),
        result.FailedCell?.Number,
        null,
        result.FailedCell?.Status == CellStatus.Cancelled);
}
