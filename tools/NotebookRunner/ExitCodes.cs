namespace DeepCnn.NotebookExecution;

/// <summary>The console runner's exit codes: the contract for scripts and tests that start it.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int CellFailed = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}
