using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// Runs one notebook in a child process of the runner, as Jupyter gives each notebook a kernel process of its own.
/// </summary>
/// <remarks>
/// A kernel cannot be unloaded from a process: the native libraries and resolvers of the packages a notebook
/// restored, its static state and any threads it started stay behind. A finalizer of a SkiaSharp object that one
/// notebook left, run while the next notebook executes, once ended the whole run with DllNotFoundException; in a
/// process per notebook nothing is left behind. The child prints its progress straight to the console it inherits
/// and writes its summary to a file; Ctrl+C reaches it as a line on its standard input, so that it can still write
/// the executed copy, and it cancels itself when that input closes because the runner is gone.
/// </remarks>
internal static class NotebookProcess
{
    public const string CancelLine = "cancel";

    private static readonly JsonSerializerOptions ReportOptions = new() { WriteIndented = true };

    /// <summary>Runs the notebook and returns the child's exit code and summary (null when the child wrote none).</summary>
    public static async Task<(int ExitCode, NotebookSummary? Summary)> RunAsync(
        string notebook,
        RunnerArguments arguments,
        string outputDirectory,
        CancellationToken cancellationToken)
    {
        var report = Path.Combine(Path.GetTempPath(), $"notebook-runner-{Guid.NewGuid():N}.json");
        try
        {
            using var process = Process.Start(StartInfo(notebook, arguments, outputDirectory, report))
                ?? throw new InvalidOperationException("The notebook's process did not start.");
            await using var cancel = cancellationToken.Register(() => SendCancel(process));
            await process.WaitForExitAsync(CancellationToken.None);
            return (process.ExitCode, ReadReport(report));
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Writes the child's summary for the runner that started it.</summary>
    public static void WriteReport(string path, NotebookSummary summary) =>
        File.WriteAllText(path, JsonSerializer.Serialize(summary, ReportOptions));

    private static NotebookSummary? ReadReport(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<NotebookSummary>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null; // a child that died while writing it
        }
    }

    private static ProcessStartInfo StartInfo(string notebook, RunnerArguments arguments, string outputDirectory, string report)
    {
        // Standard output and error are inherited: the child's progress appears as it happens.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(NotebookProcess).Assembly.Location);

        var timeout = arguments.CellTimeout == Timeout.InfiniteTimeSpan ? 0 : arguments.CellTimeout.TotalSeconds;
        string[] options =
        [
            RunnerArguments.ChildReportOption, report,
            "--output", outputDirectory,
            "--cell-timeout", timeout.ToString("R", CultureInfo.InvariantCulture),
            "--heartbeat", arguments.Heartbeat.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        ];
        foreach (var option in options)
            start.ArgumentList.Add(option);
        if (arguments.Echo)
            start.ArgumentList.Add("--echo");
        foreach (var (name, value) in arguments.Environment)
        {
            start.ArgumentList.Add("--env");
            start.ArgumentList.Add($"{name}={value}");
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(notebook);
        return start;
    }

    private static void SendCancel(Process process)
    {
        try
        {
            process.StandardInput.WriteLine(CancelLine);
            process.StandardInput.Flush();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The child has already exited.
        }
    }
}
