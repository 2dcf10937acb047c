namespace DeepCnn.NotebookExecution;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The console runner's per-cell limit in the quick profile, where every cell takes seconds: a hung cell fails.</summary>
    public static readonly TimeSpan QuickCellTimeout = TimeSpan.FromSeconds(900);

    /// <summary>Folder for the executed copy (same file name as the input); null writes nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>A cell still running after this long fails the run; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan CellTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Environment variables set for the run (and restored afterwards); the notebook code sees them.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives progress (cell started, output streamed, cell finished), synchronously.</summary>
    public IProgress<NotebookRunEvent>? Progress { get; init; }

    /// <summary>
    /// Keep the kernel (and the native-library resolvers of the packages it restored) until the process ends,
    /// instead of disposing it after the run: for a process that runs one notebook and exits.
    /// </summary>
    internal bool KeepKernelUntilExit { get; init; }
}
