namespace DeepCnn.NotebookExecution;

/// <summary>A notebook finished and its executed copy, if any, was written.</summary>
public sealed record NotebookFinished(NotebookRunResult Result) : NotebookRunEvent(Result.NotebookPath);
