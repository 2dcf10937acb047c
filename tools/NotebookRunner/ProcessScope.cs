namespace DeepCnn.NotebookExecution;

/// <summary>
/// Sets the current directory and environment variables for a run and puts the old ones back afterwards.
/// Both are process-wide, which is why one process runs one notebook at a time.
/// </summary>
internal sealed class ProcessScope : IDisposable
{
    private readonly string _previousDirectory;
    private readonly Dictionary<string, string?> _previousVariables = new(StringComparer.Ordinal);

    public ProcessScope(string directory, IReadOnlyDictionary<string, string> variables)
    {
        _previousDirectory = Environment.CurrentDirectory;
        foreach (var (name, value) in variables)
        {
            _previousVariables.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }

        Environment.CurrentDirectory = directory;
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = _previousDirectory;
        foreach (var (name, value) in _previousVariables)
            Environment.SetEnvironmentVariable(name, value);
    }
}
