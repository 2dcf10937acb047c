using System.Diagnostics;
using System.Text;

namespace DeepCnn.NotebookExecution.Tests;

/// <summary>Starts the built console runner as its own process, as the notebook tests and CI do.</summary>
internal static class RunnerProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static Task<Outcome> RunAsync(string workingDirectory, params string[] arguments) =>
        RunInterruptedAsync(workingDirectory, interruptAfter: null, arguments);

    /// <summary>
    /// Runs the runner; when <paramref name="interruptAfter"/> appears in its output, sends it SIGINT, what Ctrl+C
    /// sends (to the runner alone, not to the notebook's process).
    /// </summary>
    public static async Task<Outcome> RunInterruptedAsync(string workingDirectory, string? interruptAfter, params string[] arguments)
    {
        // The runner project is referenced, so its assembly and runtimeconfig sit beside the tests.
        var runner = Path.Combine(AppContext.BaseDirectory, "DeepCnn.NotebookRunner.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(runner);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var interrupted = false;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
                output.AppendLine(e.Data);
            if (interruptAfter is not null && !interrupted && e.Data?.Contains(interruptAfter, StringComparison.Ordinal) == true)
            {
                interrupted = true;
                Interrupt(process.Id);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
                errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The runner did not exit within {Limit}: {output}{errors}");
        }

        process.WaitForExit(); // the rest of the redirected output
        return new Outcome(process.ExitCode, output.ToString(), errors.ToString());
    }

    private static void Interrupt(int processId)
    {
        using var kill = Process.Start("kill", ["-INT", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    // `dotnet test` tells child processes which host started it; fall back to the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
