namespace DeepCnn.NotebookExecution;

/// <summary>A code cell finished (or was skipped because it is empty).</summary>
public sealed record CellFinished(string NotebookPath, CellResult Cell, int Total) : NotebookRunEvent(NotebookPath);
