namespace DeepCnn.NotebookExecution;

/// <summary>A running cell showed or updated a display (a progress bar, a chart); <paramref name="Text"/> is its text without markup.</summary>
public sealed record CellDisplayed(string NotebookPath, int Number, string Text) : NotebookRunEvent(NotebookPath);
