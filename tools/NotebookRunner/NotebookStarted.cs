namespace DeepCnn.NotebookExecution;

/// <summary>A notebook was read and its kernel is starting.</summary>
public sealed record NotebookStarted(string NotebookPath, int CodeCellCount) : NotebookRunEvent(NotebookPath);
