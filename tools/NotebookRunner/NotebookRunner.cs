using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// Runs a C# notebook top to bottom in a fresh .NET Interactive kernel inside this process, like
/// <c>jupyter nbconvert --execute</c>: the current directory is the notebook's folder, and the run
/// stops at the first cell that fails.
/// </summary>
public static class NotebookRunner
{
    // After a timeout the kernel is asked to cancel and given this long; code that ignores cancellation keeps running.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(2);

    // Kernels kept alive for the rest of the process (see NotebookRunOptions.KeepKernelUntilExit).
    private static readonly List<CompositeKernel> KeptKernels = [];

    /// <summary>Runs one notebook and, when <see cref="NotebookRunOptions.OutputDirectory"/> is set, writes the executed copy there.</summary>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="NotebookFormatException">The file is not an nbformat 4 notebook.</exception>
    /// <remarks>
    /// Current directory, environment variables and .NET Interactive's formatters are process-wide: do not
    /// run two notebooks at once in one process. A cell that timed out and ignores cancellation keeps
    /// running in the background; a console host should exit after such a run. The native libraries of the
    /// packages a notebook restores (SkiaSharp, TorchSharp) are found through resolvers that belong to its
    /// kernel: an object the notebook left behind whose finalizer calls native code after the kernel was
    /// disposed ends the process with <see cref="DllNotFoundException"/>. That is why the console runner
    /// runs each notebook in a process of its own.
    /// </remarks>
    public static async Task<NotebookRunResult> RunAsync(
        string notebookPath,
        NotebookRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var path = Path.GetFullPath(notebookPath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Notebook not found: {path}", path);

        var clock = Stopwatch.StartNew();
        var document = JupyterDocument.Load(path);
        var cells = document.CodeCells;
        var progress = options.Progress;
        progress?.Report(new NotebookStarted(path, cells.Count));

        var recorder = new OutputRecorder(cells.Count,
            (number, stream, text) => progress?.Report(new CellTextWritten(path, number, stream, text)),
            (number, text) => progress?.Report(new CellDisplayed(path, number, text)));
        var outcomes = new CellOutcome[cells.Count];
        var executionCounts = new int?[cells.Count];

        using (new ProcessScope(Path.GetDirectoryName(path)!, options.EnvironmentVariables))
        {
            var kernel = await NotebookKernel.StartAsync();
            var kernelBusy = false;
            try
            {
                using var subscription = kernel.KernelEvents.Subscribe(recorder);
                var executed = 0;
                var stopped = false;
                foreach (var cell in cells)
                {
                    var i = cell.Number - 1;
                    if (stopped || cancellationToken.IsCancellationRequested)
                    {
                        outcomes[i] = CellOutcome.NotRun;
                        continue;
                    }

                    if (cell.IsBlank)
                    {
                        outcomes[i] = new CellOutcome(CellStatus.Skipped, TimeSpan.Zero, null);
                    }
                    else
                    {
                        progress?.Report(new CellStarted(path, cell.Number, cells.Count, cell.FirstLine));
                        executionCounts[i] = ++executed;
                        recorder.BeginCell(cell.Number);
                        (outcomes[i], kernelBusy) = await RunCellAsync(kernel, cell, options.CellTimeout, cancellationToken);
                        if (outcomes[i].Error is { } error)
                            recorder.AddError(cell.Number, error);
                        stopped = outcomes[i].Status != CellStatus.Succeeded;
                    }

                    progress?.Report(new CellFinished(path, ToResult(cell, outcomes[i], recorder), cells.Count));
                }
            }
            finally
            {
                // Disposing a kernel whose cell still runs would wait for that cell.
                if (options.KeepKernelUntilExit)
                {
                    lock (KeptKernels)
                        KeptKernels.Add(kernel);
                }
                else if (!kernelBusy)
                {
                    kernel.Dispose();
                }
            }
        }

        var results = cells.Select(c => ToResult(c, outcomes[c.Number - 1], recorder)).ToArray();
        string? executedPath = null;
        if (options.OutputDirectory is { } folder)
        {
            foreach (var cell in cells)
                document.SetOutputs(cell, executionCounts[cell.Number - 1], results[cell.Number - 1].Outputs);
            executedPath = Path.Combine(Path.GetFullPath(folder), Path.GetFileName(path));
            document.Save(executedPath);
        }

        var result = new NotebookRunResult(path, executedPath, clock.Elapsed, results);
        progress?.Report(new NotebookFinished(result));
        return result;
    }

    private static async Task<(CellOutcome Outcome, bool KernelBusy)> RunCellAsync(
        CompositeKernel kernel,
        CodeCell cell,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var submit = new SubmitCode(cell.Source, cell.KernelName);
        var send = kernel.SendAsync(submit, CancellationToken.None);

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(timeout, stopWaiting.Token);
        if (await Task.WhenAny(send, deadline) != send)
        {
            var cancelled = cancellationToken.IsCancellationRequested;
            _ = kernel.SendAsync(new Cancel(), CancellationToken.None);
            var settled = await Task.WhenAny(send, Task.Delay(CancelGrace, CancellationToken.None)) == send;
            var error = cancelled
                ? new CellError("Cancelled", "The run was cancelled.", [])
                : new CellError("CellTimeout", $"The cell did not finish within {timeout.TotalSeconds:0.#} s (--cell-timeout).", []);
            return (new CellOutcome(cancelled ? CellStatus.Cancelled : CellStatus.TimedOut, clock.Elapsed, error), !settled);
        }

        await stopWaiting.CancelAsync();
        var result = await send;
        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == submit)
            ?? (result.Events.Any(e => e is CommandSucceeded s && s.Command == submit) ? null : result.Events.OfType<CommandFailed>().FirstOrDefault());
        return failure is null
            ? (new CellOutcome(CellStatus.Succeeded, clock.Elapsed, null), false)
            : (new CellOutcome(CellStatus.Failed, clock.Elapsed, ToError(failure)), false);
    }

    private static CellError ToError(CommandFailed failure)
    {
        var report = failure.Message ?? failure.Exception?.ToString() ?? "The cell failed.";
        var traceback = report.ReplaceLineEndings("\n").Split('\n');
        return failure.Exception switch
        {
            CodeSubmissionCompilationErrorException => new CellError("CompilationError", report, traceback),
            { } exception => new CellError(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback),
            null => new CellError("Error", report, traceback),
        };
    }

    private static CellResult ToResult(CodeCell cell, CellOutcome outcome, OutputRecorder recorder) =>
        new(cell.Number, cell.Index, cell.FirstLine, outcome.Status, outcome.Duration, recorder.OutputsOf(cell.Number), outcome.Error);

    private sealed record CellOutcome(CellStatus Status, TimeSpan Duration, CellError? Error)
    {
        public static readonly CellOutcome NotRun = new(CellStatus.NotRun, TimeSpan.Zero, null);
    }
}
