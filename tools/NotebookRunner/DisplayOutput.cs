namespace DeepCnn.NotebookExecution;

/// <summary>
/// A displayed value: nbformat <c>display_data</c>, or <c>execute_result</c> for the value of the
/// cell's last expression. <see cref="Data"/> maps MIME type to content (base64 for images).
/// </summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsExecuteResult) : CellOutput;
