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

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops after writing what ran so far; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var reporter = new ConsoleReporter(output, errors, arguments.Echo);
var options = new NotebookRunOptions
{
    OutputDirectory = Path.GetFullPath(arguments.OutputDirectory),
    CellTimeout = arguments.CellTimeout,
    EnvironmentVariables = arguments.Environment,
    Progress = reporter,
};

var clock = System.Diagnostics.Stopwatch.StartNew();
var results = new List<NotebookRunResult>();
try
{
    foreach (var notebook in notebooks)
    {
        var result = await NotebookRunner.RunAsync(notebook, options, cancellation.Token);
        results.Add(result);
        if (cancellation.IsCancellationRequested || (!result.Succeeded && !arguments.KeepGoing))
            break;
    }
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

reporter.WriteSummary(notebooks, results, clock.Elapsed);
return cancellation.IsCancellationRequested ? ExitCodes.Cancelled
    : results.All(r => r.Succeeded) ? ExitCodes.Success
    : ExitCodes.CellFailed;
