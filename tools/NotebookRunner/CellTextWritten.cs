namespace DeepCnn.NotebookExecution;

/// <summary>A running cell wrote text to stdout or stderr (<paramref name="StreamName"/>), as it happened.</summary>
public sealed record CellTextWritten(string NotebookPath, int Number, string StreamName, string Text) : NotebookRunEvent(NotebookPath);
