namespace DeepCnn.NotebookExecution;

/// <summary>What happened to one code cell.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end without an error.</summary>
    Succeeded,

    /// <summary>Threw, failed to compile, or a directive (such as <c>#r "nuget:"</c>) failed.</summary>
    Failed,

    /// <summary>Still running when the per-cell timeout ran out.</summary>
    TimedOut,

    /// <summary>Stopped because the run was cancelled (Ctrl+C).</summary>
    Cancelled,

    /// <summary>Empty (only white space); not sent to the kernel, as Jupyter does.</summary>
    Skipped,

    /// <summary>Not reached because an earlier cell did not succeed.</summary>
    NotRun,
}
