using System.Globalization;

namespace DeepCnn.NotebookExecution;

/// <summary>The parsed command line of the console runner.</summary>
internal sealed record RunnerArguments
{
    public const string QuickVariable = "ALEXNET_PROFILE";
    /// <summary>Executed copies go to a folder per profile below this one, unless --output says otherwise.</summary>
    public const string DefaultOutputRoot = "artifacts/notebooks";
    public const string ChildReportOption = "--child-report";

    public const string Usage = """
        Runs C# notebooks (.ipynb) top to bottom, each in a fresh .NET Interactive kernel in a process of
        its own, stopping at the first failing cell, and writes the executed copies with their outputs.

        Usage: dotnet run --project tools/NotebookRunner -c Release -- [options] <notebook or folder>...

          <notebook or folder>     an .ipynb file, or a folder whose *.ipynb run in name order
          -o, --output <dir>       where the executed copies go (default: artifacts/notebooks/quick in
                                   the quick profile, else artifacts/notebooks/full)
          --cell-timeout <sec>     fail a cell still running after this long (0: no limit; default:
                                   no limit, or 900 in the quick profile)
          --heartbeat <sec>        while a cell runs, print a line this often (default: 30)
          -e, --env KEY=VALUE      set an environment variable for the notebooks (repeatable; KEY= unsets)
          --quick                  same as --env ALEXNET_PROFILE=quick (an explicit --env wins)
          --echo                   echo what cells write to stdout/stderr, indented
          --keep-going             after a failed notebook, still run the next ones
          -h, --help               show this text

        Exit codes: 0 all cells succeeded; 1 a cell failed or timed out, or a notebook's process died;
        2 bad arguments, a missing or unreadable notebook; 3 an error in the runner itself; 130 cancelled
        (Ctrl+C).
        """;

    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// Where the executed copies go: --output, else a folder of the run's profile (<see cref="DefaultOutput"/>), so a
    /// failed full run never leaves its copies among a quick run's.
    /// </summary>
    public string OutputDirectory { get; init; } = "";

    /// <summary>
    /// The per-cell limit: as given by --cell-timeout; otherwise none in the full profile (training there takes as
    /// long as it takes) and <see cref="NotebookRunOptions.QuickCellTimeout"/> in the quick profile.
    /// </summary>
    public TimeSpan CellTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How often a line reports a cell that is still running.</summary>
    public TimeSpan Heartbeat { get; init; } = ConsoleReporter.HeartbeatInterval;

    public bool Echo { get; init; }

    public bool KeepGoing { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>
    /// Set on the process the runner starts for each notebook (not for people): run the one notebook given in
    /// this process and write its summary to this file.
    /// </summary>
    public string? ChildReport { get; init; }

    /// <summary>Parses <paramref name="args"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out RunnerArguments parsed, out string? error)
    {
        parsed = new RunnerArguments();
        error = null;
        var paths = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        var optionsEnded = false;
        TimeSpan? cellTimeout = null;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith('-') || arg == "-")
            {
                paths.Add(arg);
                continue;
            }

            // Accept both "--name value" and "--name=value".
            var (name, inlineValue) = arg.IndexOf('=') is > 0 and var eq && arg.StartsWith("--", StringComparison.Ordinal)
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);

            string? TakeValue(out string? problem)
            {
                problem = null;
                if (inlineValue is not null)
                    return inlineValue;
                if (i + 1 < args.Count)
                    return args[++i];
                problem = $"{name} needs a value.";
                return null;
            }

            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "-h" or "--help":
                    parsed = parsed with { ShowHelp = true };
                    break;
                case "-o" or "--output":
                    if (TakeValue(out error) is not { } output)
                        return false;
                    parsed = parsed with { OutputDirectory = output };
                    break;
                case "--cell-timeout":
                    if (TakeValue(out error) is not { } timeoutText)
                        return false;
                    if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsInfinity(seconds))
                    {
                        error = $"--cell-timeout expects a number of seconds (0 for no limit), not '{timeoutText}'.";
                        return false;
                    }

                    cellTimeout = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
                    break;
                case "--heartbeat":
                    if (TakeValue(out error) is not { } beatText)
                        return false;
                    if (!double.TryParse(beatText, NumberStyles.Float, CultureInfo.InvariantCulture, out var beat) || !(beat > 0) || double.IsInfinity(beat))
                    {
                        error = $"--heartbeat expects a positive number of seconds, not '{beatText}'.";
                        return false;
                    }

                    parsed = parsed with { Heartbeat = TimeSpan.FromSeconds(beat) };
                    break;
                case "-e" or "--env":
                    if (TakeValue(out error) is not { } assignment)
                        return false;
                    var split = assignment.IndexOf('=');
                    if (split <= 0)
                    {
                        error = $"--env expects KEY=VALUE, not '{assignment}'.";
                        return false;
                    }

                    environment[assignment[..split]] = assignment[(split + 1)..];
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--echo":
                    parsed = parsed with { Echo = true };
                    break;
                case "--keep-going":
                    parsed = parsed with { KeepGoing = true };
                    break;
                case ChildReportOption:
                    if (TakeValue(out error) is not { } report)
                        return false;
                    parsed = parsed with { ChildReport = report };
                    break;
                default:
                    error = $"unknown option '{arg}'.";
                    return false;
            }

            if (inlineValue is not null && name is not ("-o" or "--output" or "--cell-timeout" or "--heartbeat" or "-e" or "--env" or ChildReportOption))
            {
                error = $"{name} takes no value.";
                return false;
            }
        }

        if (quick)
            environment.TryAdd(QuickVariable, "quick");

        if (paths.Count == 0 && !parsed.ShowHelp)
        {
            error = "no notebook or folder given.";
            return false;
        }

        if (parsed.ChildReport is not null && paths.Count != 1)
        {
            error = $"{ChildReportOption} runs exactly one notebook, not {paths.Count}.";
            return false;
        }

        // The profile the notebooks will see: an explicit --env wins over --quick, which wins over this process's environment.
        var profile = environment.TryGetValue(QuickVariable, out var value) ? value : System.Environment.GetEnvironmentVariable(QuickVariable);
        var isQuick = string.Equals(profile?.Trim(), "quick", StringComparison.OrdinalIgnoreCase);
        parsed = parsed with
        {
            Paths = paths,
            Environment = environment,
            CellTimeout = cellTimeout ?? (isQuick ? NotebookRunOptions.QuickCellTimeout : Timeout.InfiniteTimeSpan),
            OutputDirectory = parsed.OutputDirectory.Length > 0 ? parsed.OutputDirectory : DefaultOutput(profile),
        };
        return true;
    }

    /// <summary>
    /// The default output folder for the run's ALEXNET_PROFILE value, as the notebooks read it (--env, else the
    /// runner's own environment): artifacts/notebooks/quick or artifacts/notebooks/full.
    /// </summary>
    public static string DefaultOutput(string? profile) =>
        Path.Combine(DefaultOutputRoot, string.Equals(profile?.Trim(), "quick", StringComparison.OrdinalIgnoreCase) ? "quick" : "full");
}
