using System.Globalization;
using System.Text;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// Prints a run's progress: notebook, cell (number/total and first line), time per cell and per notebook, and while a
/// cell runs, a line every <see cref="HeartbeatInterval"/> with its time so far and what its latest display said (the
/// progress bar of a training run), so that a log that is not a terminal never stays silent for long.
/// </summary>
internal sealed class ConsoleReporter : IProgress<NotebookRunEvent>, IDisposable
{
    /// <summary>How often a running cell is reported.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    private const string Indent = "          ";

    // Paths are shown relative to where the runner was started; the runner changes directory per notebook.
    private readonly string _startDirectory = Environment.CurrentDirectory;
    private readonly Dictionary<string, StringBuilder> _partialLines = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly TextWriter output;
    private readonly TextWriter errors;
    private readonly bool echo;
    private readonly TimeSpan heartbeat;
    private readonly Timer timer;
    private readonly System.Diagnostics.Stopwatch cellClock = new();
    private string? latestDisplay;

    public ConsoleReporter(TextWriter output, TextWriter errors, bool echo, TimeSpan? heartbeat = null)
    {
        this.output = output;
        this.errors = errors;
        this.echo = echo;
        this.heartbeat = heartbeat ?? HeartbeatInterval;
        timer = new Timer(_ => Beat());
    }

    public void Dispose() => timer.Dispose();

    public void Report(NotebookRunEvent value)
    {
        lock (_gate)
        {
            switch (value)
            {
                case NotebookStarted started:
                    output.WriteLine($"== {Show(started.NotebookPath)} ({started.CodeCellCount} code cells)");
                    break;
                case CellStarted cell:
                    output.WriteLine($"  [{cell.Number.ToString(CultureInfo.InvariantCulture).PadLeft(cell.Total.ToString(CultureInfo.InvariantCulture).Length)}/{cell.Total}] {cell.FirstLine}");
                    latestDisplay = null;
                    cellClock.Restart();
                    timer.Change(heartbeat, heartbeat);
                    break;
                case CellTextWritten text when echo:
                    Echo(text.StreamName, text.Text);
                    break;
                case CellDisplayed displayed:
                    latestDisplay = displayed.Text;
                    break;
                case CellFinished finished:
                    timer.Change(Timeout.Infinite, Timeout.Infinite);
                    cellClock.Reset();
                    FlushEcho();
                    WriteCell(finished.Cell, finished.Total);
                    break;
                case NotebookFinished finished:
                    WriteNotebook(finished.Result);
                    break;
            }

            output.Flush();
        }
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (!cellClock.IsRunning)
                return;
            var what = latestDisplay is { } text ? $": {text}" : "";
            output.WriteLine($"{Indent}... still running after {Format(cellClock.Elapsed)}{what}");
            output.Flush();
        }
    }

    /// <summary>Says that a notebook's process ended without a result of its own, and returns the summary line for it.</summary>
    public NotebookSummary ReportDeadProcess(string notebook, int exitCode, TimeSpan duration)
    {
        var problem = $"its process ended with exit code {exitCode} before the notebook finished";
        errors.WriteLine($"error: {Show(notebook)}: {problem} (a crash in native code or in the runtime; the executed copy is missing or stale).");
        errors.Flush();
        return new NotebookSummary(notebook, duration, 0, 0, null, problem);
    }

    /// <summary>Prints one line per notebook and the totals.</summary>
    public void WriteSummary(IReadOnlyList<string> notebooks, IReadOnlyList<NotebookSummary> results, TimeSpan total)
    {
        var succeeded = results.Count(r => r.Succeeded);
        var cancelled = results.Count(r => r.Cancelled);
        output.WriteLine();
        output.WriteLine($"Summary: {notebooks.Count} notebook(s): {succeeded} succeeded, {results.Count - succeeded - cancelled} failed, " +
                         $"{(cancelled > 0 ? $"{cancelled} cancelled, " : "")}{notebooks.Count - results.Count} not run, in {Format(total)}");
        foreach (var result in results)
        {
            var where = result switch
            {
                { Problem: { } problem } => problem,
                { Cancelled: true, FailedCell: { } stopped } => $"cancelled at cell {stopped} of {result.CodeCells}; the executed copy keeps what ran",
                { FailedCell: { } failed } => $"failed at cell {failed} of {result.CodeCells}",
                _ => $"{result.CellsRan} cells",
            };
            var status = result.Succeeded ? "ok      " : result.Cancelled ? "CANCELLED" : "FAILED  ";
            output.WriteLine($"  {status} {Format(result.Duration),9}  {Show(result.NotebookPath)}  ({where})");
        }

        foreach (var skipped in notebooks.Skip(results.Count))
            output.WriteLine($"  not run {"",8}  {Show(skipped)}");
        output.Flush();
    }

    private void WriteCell(CellResult cell, int total)
    {
        switch (cell.Status)
        {
            case CellStatus.Skipped:
                output.WriteLine($"  [{cell.Number}/{total}] (empty, skipped)");
                break;
            case CellStatus.Succeeded:
                output.WriteLine($"{Indent}ok {Format(cell.Duration)}");
                break;
            default:
                output.WriteLine($"{Indent}{cell.Status.ToString().ToUpperInvariant()} after {Format(cell.Duration)}");
                break;
        }
    }

    private void WriteNotebook(NotebookRunResult result)
    {
        var copy = result.ExecutedPath is { } path ? $" -> {Show(path)}" : "";
        if (result.FailedCell is not { } failed)
        {
            output.WriteLine($"   done in {Format(result.Duration)}{copy}");
            return;
        }

        output.WriteLine($"   {(failed.Status == CellStatus.Cancelled ? "CANCELLED" : "FAILED")} after {Format(result.Duration)}{copy}");
        var error = failed.Error!;
        var detail = error.Name is "CompilationError" or "Error" or "CellTimeout" or "Cancelled" ? error.Message : $"{error.Name}: {error.Message}";
        // A reader's Ctrl+C is what they asked for, not an error; it still goes to stderr, beside the failures.
        var label = failed.Status == CellStatus.Cancelled ? "stopped" : "error";
        errors.WriteLine($"{label}: {Show(result.NotebookPath)}: cell {failed.Number} of {result.Cells.Count} (`{failed.FirstLine}`) {Verb(failed.Status)}:");
        foreach (var line in detail.ReplaceLineEndings("\n").Split('\n'))
            errors.WriteLine($"  {line}");
        errors.Flush();
    }

    private static string Verb(CellStatus status) => status switch
    {
        CellStatus.TimedOut => "timed out",
        CellStatus.Cancelled => "was cancelled",
        _ => "failed",
    };

    private void Echo(string stream, string text)
    {
        if (!_partialLines.TryGetValue(stream, out var pending))
            _partialLines[stream] = pending = new StringBuilder();
        pending.Append(text);
        var all = pending.ToString().ReplaceLineEndings("\n");
        var lastBreak = all.LastIndexOf('\n');
        if (lastBreak < 0)
            return;

        foreach (var line in all[..lastBreak].Split('\n'))
            output.WriteLine($"{Indent}{(stream == "stderr" ? "!" : "|")} {line}");
        pending.Clear().Append(all[(lastBreak + 1)..]);
    }

    private void FlushEcho()
    {
        foreach (var (stream, pending) in _partialLines)
        {
            if (pending.Length > 0)
                Echo(stream, "\n");
        }
    }

    private string Show(string path)
    {
        var relative = Path.GetRelativePath(_startDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string Format(TimeSpan time) => time.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds:00} s");
}
