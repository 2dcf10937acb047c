namespace DeepCnn.NotebookExecution;

/// <summary>The runner's side inside the process it starts for one notebook (see <see cref="NotebookProcess"/>).</summary>
internal static class ChildRun
{
    /// <summary>Runs the notebook in this process, writes its summary to <paramref name="reportPath"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string notebook, NotebookRunOptions options, string reportPath)
    {
        using var cancellation = new CancellationTokenSource();

        // Ctrl+C reaches every process of the terminal: the runner decides and tells this one on its standard input.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        var input = new Thread(() => WaitForCancel(cancellation)) { IsBackground = true, Name = "runner input" };
        input.Start();

        // The kernel is kept until the process ends: objects the notebook left behind may still be finalized
        // while the executed copy is written, and their native libraries are found through the kernel.
        var result = await NotebookRunner.RunAsync(notebook, options with { KeepKernelUntilExit = true }, cancellation.Token);
        NotebookProcess.WriteReport(reportPath, NotebookSummary.Of(result));
        return cancellation.IsCancellationRequested ? ExitCodes.Cancelled
            : result.Succeeded ? ExitCodes.Success
            : ExitCodes.CellFailed;
    }

    // A "cancel" line, or the end of the input because the runner that started this process is gone.
    private static void WaitForCancel(CancellationTokenSource cancellation)
    {
        using var reader = new StreamReader(Console.OpenStandardInput());
        string? line;
        do
        {
            line = reader.ReadLine();
        }
        while (line is not null && line.Trim() != NotebookProcess.CancelLine);

        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over.
        }
    }
}
