namespace DeepCnn.NotebookExecution;

/// <summary>A code cell was sent to the kernel.</summary>
public sealed record CellStarted(string NotebookPath, int Number, int Total, string FirstLine) : NotebookRunEvent(NotebookPath);
