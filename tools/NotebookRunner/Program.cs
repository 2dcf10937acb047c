using DeepCnn.NotebookExecution;

// The kernel redirects Console.Out while a cell runs; progress goes to the writers the process started with.
var output = Console.Out;
var errors = Console.Error;

if (!RunnerArguments.TryParse(args, out var arguments, out var problem))
{
    errors.WriteLine($"error: {problem}");
    errors.WriteLine();
    errors.WriteLine(RunnerArguments.Usage);
    return ExitCodes.BadInput;
}

if (arguments.ShowHelp)
{
    output.WriteLine(RunnerArguments.Usage);
    return ExitCodes.Success;
}

if (!NotebookPaths.TryExpand(arguments.Paths, out var notebooks, out problem))
{
    errors.WriteLine($"error: {problem}");
    return ExitCodes.BadInput;
}

var outputDirectory = Path.GetFullPath(arguments.OutputDirectory);
try
{
    if (arguments.ChildReport is { } report)
    {
        // A process the runner started for one notebook: run it here.
        using var childReporter = new ConsoleReporter(output, errors, arguments.Echo, arguments.Heartbeat);
        var options = new NotebookRunOptions
        {
            OutputDirectory = outputDirectory,
            CellTimeout = arguments.CellTimeout,
            EnvironmentVariables = arguments.Environment,
            Progress = childReporter,
        };
        return await ChildRun.RunAsync(notebooks[0], options, report);
    }

    return await RunEachInItsOwnProcessAsync();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotebookFormatException)
{
    errors.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
#pragma warning disable CA1031 // Anything else is a bug in the runner: say so with its own exit code.
catch (Exception e)
#pragma warning restore CA1031
{
    errors.WriteLine($"internal error: {e}");
    return ExitCodes.InternalError;
}

async Task<int> RunEachInItsOwnProcessAsync()
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        // The first Ctrl+C lets the running notebook stop and write what ran so far; a second one ends the runner.
        e.Cancel = !cancellation.IsCancellationRequested;
        cancellation.Cancel();
    };

    using var reporter = new ConsoleReporter(output, errors, arguments.Echo, arguments.Heartbeat);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var summaries = new List<NotebookSummary>();
    var cancelled = false;
    foreach (var notebook in notebooks)
    {
        output.Flush();
        var started = clock.Elapsed;
        var (exitCode, summary) = await NotebookProcess.RunAsync(notebook, arguments, outputDirectory, cancellation.Token);
        if (exitCode is ExitCodes.BadInput or ExitCodes.InternalError)
            return exitCode; // the child has said why

        if (summary is null || exitCode is not (ExitCodes.Success or ExitCodes.CellFailed or ExitCodes.Cancelled))
            summary = reporter.ReportDeadProcess(notebook, exitCode, clock.Elapsed - started);

        summaries.Add(summary);
        cancelled = cancellation.IsCancellationRequested || exitCode == ExitCodes.Cancelled;
        if (cancelled || (!summary.Succeeded && !arguments.KeepGoing))
            break;
    }

    reporter.WriteSummary(notebooks, summaries, clock.Elapsed);
    return cancelled ? ExitCodes.Cancelled
        : summaries.All(s => s.Succeeded) ? ExitCodes.Success
        : ExitCodes.CellFailed;
}
