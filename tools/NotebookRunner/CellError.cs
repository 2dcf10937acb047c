namespace DeepCnn.NotebookExecution;

/// <summary>The error of a cell, as Jupyter stores it (<c>ename</c>, <c>evalue</c>, <c>traceback</c>).</summary>
/// <param name="Name">Exception type (for example <c>System.InvalidOperationException</c>), <c>CompilationError</c>, or <c>CellTimeout</c>.</param>
/// <param name="Message">The short message.</param>
/// <param name="Traceback">The full report, one line per item (compiler diagnostics or stack trace).</param>
public sealed record CellError(string Name, string Message, IReadOnlyList<string> Traceback);
