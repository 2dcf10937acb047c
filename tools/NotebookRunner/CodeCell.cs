namespace DeepCnn.NotebookExecution;

/// <summary>A code cell of the input notebook.</summary>
/// <param name="Number">1-based among code cells.</param>
/// <param name="Index">0-based among all cells.</param>
/// <param name="Source">The code.</param>
/// <param name="KernelName">The kernel the cell asks for (Polyglot Notebooks metadata), normally <c>csharp</c>.</param>
internal sealed record CodeCell(int Number, int Index, string Source, string KernelName)
{
    private const int MaxFirstLineLength = 80;

    public bool IsBlank => string.IsNullOrWhiteSpace(Source);

    /// <summary>The first non-blank line, shortened, to name the cell in messages.</summary>
    public string FirstLine
    {
        get
        {
            var line = Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            return line.Length <= MaxFirstLineLength ? line : line[..(MaxFirstLineLength - 3)] + "...";
        }
    }
}
