namespace DeepCnn.NotebookExecution;

/// <summary>The error that stopped a cell; nbformat <c>error</c>.</summary>
public sealed record ErrorOutput(CellError Error) : CellOutput;
