using System.Diagnostics;

namespace DeepCnn.NotebookExecution.Tests;

/// <summary>Starts the built console runner as its own process, as the notebook tests and CI do.</summary>
internal static class RunnerProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static async Task<Outcome> RunAsync(string workingDirectory, params string[] arguments)
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

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The runner did not exit within {Limit}: {await output}{await errors}");
        }

        return new Outcome(process.ExitCode, await output, await errors);
    }

    // `dotnet test` tells child processes which host started it; fall back to the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
