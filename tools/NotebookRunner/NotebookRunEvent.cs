namespace DeepCnn.NotebookExecution;

/// <summary>Progress of a run, reported through <see cref="NotebookRunOptions.Progress"/>.</summary>
public abstract record NotebookRunEvent(string NotebookPath);
