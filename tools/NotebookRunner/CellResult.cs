namespace DeepCnn.NotebookExecution;

/// <summary>The result of one code cell.</summary>
/// <param name="Number">1-based position among the notebook's code cells (markdown cells are not counted).</param>
/// <param name="Index">0-based position among all cells of the notebook.</param>
/// <param name="FirstLine">The first non-blank line of the cell's source, to name the cell in messages.</param>
/// <param name="Status">What happened.</param>
/// <param name="Duration">Wall-clock time of the cell; zero when it did not run.</param>
/// <param name="Outputs">The outputs as stored in the executed notebook (display updates already applied).</param>
/// <param name="Error">The error when <paramref name="Status"/> is Failed, TimedOut or Cancelled.</param>
public sealed record CellResult(
    int Number,
    int Index,
    string FirstLine,
    CellStatus Status,
    TimeSpan Duration,
    IReadOnlyList<CellOutput> Outputs,
    CellError? Error)
{
    /// <summary>True when the cell ran without error or was empty.</summary>
    public bool Succeeded => Status is CellStatus.Succeeded or CellStatus.Skipped;
}
