using System.Diagnostics;
using System.Text;

namespace DeepCnn.Tests;

/// <summary>Runs a program to the end with a time limit, capturing its output; optionally calls back while it runs.</summary>
internal static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string Output)
    {
        public bool TimedOut => ExitCode == -1;
    }

    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments, passed as they are.</param>
    /// <param name="limit">Killed (with its children) after this long; the exit code is then -1.</param>
    /// <param name="environment">Variables to set (null value: unset) on top of this process's environment, without any ALEXNET_*.</param>
    /// <param name="workingDirectory">Where it runs; the repository root by default.</param>
    /// <param name="whileRunning">Called with the process id about every half second while it runs.</param>
    /// <param name="onLine">Called with each line the process writes, as it writes it (for progress).</param>
    public static Outcome Run(
        string file,
        IEnumerable<string> arguments,
        TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        Action<int>? whileRunning = null,
        Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The series must not inherit a profile or overrides from whoever runs the tests.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("ALEXNET_", StringComparison.Ordinal)))
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, onLine);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromMilliseconds(500)))
        {
            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Outcome(-1, $"timed out after {limit}\n{Text(output)}");
            }

            whileRunning?.Invoke(process.Id);
        }

        process.WaitForExit(); // the rest of the redirected output
        return new Outcome(process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        onLine?.Invoke(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
