namespace DeepCnn.NotebookExecution;

/// <summary>One output of a code cell; the subtypes map one to one onto nbformat 4 output types.</summary>
public abstract record CellOutput;
