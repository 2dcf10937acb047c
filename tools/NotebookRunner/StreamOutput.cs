namespace DeepCnn.NotebookExecution;

/// <summary>Text a cell wrote to <c>Console.Out</c> (<c>stdout</c>) or <c>Console.Error</c> (<c>stderr</c>); nbformat <c>stream</c>.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;
