namespace DeepCnn.NotebookExecution.Tests;

/// <summary>A test that sends POSIX signals: skipped on Windows, which has none.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "needs POSIX signals (kill -INT)";
    }
}
