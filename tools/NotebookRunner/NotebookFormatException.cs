namespace DeepCnn.NotebookExecution;

/// <summary>The input is not a Jupyter nbformat 4 notebook.</summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string message) : base(message) { }

    public NotebookFormatException(string message, Exception innerException) : base(message, innerException) { }

    public NotebookFormatException() { }
}
