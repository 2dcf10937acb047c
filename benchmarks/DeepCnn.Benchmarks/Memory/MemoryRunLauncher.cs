using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// Starts this benchmark program again as a memory-run child (<see cref="MemoryRunRequest.Flag"/>) and reads its one
/// result line. The child inherits the environment, so a libtorch folder or LD_LIBRARY_PATH given to the parent applies
/// to it too.
/// </summary>
public static class MemoryRunLauncher
{
    /// <summary>The longest a child may take before it is stopped.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The command that runs this program again: its own executable (the apphost), or the dotnet host with the
    /// program's dll when it was started as <c>dotnet DeepCnn.Benchmarks.dll</c>.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Prefix) SelfCommand(string? processPath, string? entryAssembly)
    {
        if (processPath is null)
        {
            throw new InvalidOperationException("This process does not know its own executable, so it cannot start a child of itself.");
        }

        var host = Path.GetFileNameWithoutExtension(processPath);
        return string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase) && entryAssembly is not null
            ? (processPath, [entryAssembly])
            : (processPath, []);
    }

    /// <summary>Runs <paramref name="request"/> in a child process; its other output lines go to <paramref name="log"/>.</summary>
    public static MemoryRunResult Run(MemoryRunRequest request, string workingDirectory, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fileName, prefix) = SelfCommand(Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(request.ToArguments()))
        {
            start.ArgumentList.Add(arg);
        }

        // The child picks its setting from its arguments; a variable the parent was given must not contradict them.
        start.Environment.Remove(Compute.AllocatorTuning.Variable);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (errors)
                {
                    errors.Add(line);
                }
            }
        };
        process.BeginErrorReadLine();
        string? result = null;
        var reading = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith(MemoryRun.ResultPrefix, StringComparison.Ordinal))
                {
                    result = line[MemoryRun.ResultPrefix.Length..];
                }
                else
                {
                    log(line);
                }
            }
        });
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The memory run ({string.Join(' ', request.ToArguments())}) took longer than {Timeout.TotalMinutes:F0} minutes.");
        }

        process.WaitForExit();
        reading.Wait();
        if (process.ExitCode != 0 || result is null)
        {
            string tail;
            lock (errors)
            {
                tail = string.Join(Environment.NewLine, errors.TakeLast(15));
            }

            throw new InvalidOperationException(
                $"The memory run ({string.Join(' ', request.ToArguments())}) failed with exit code {process.ExitCode}.{Environment.NewLine}{tail}");
        }

        return JsonSerializer.Deserialize<MemoryRunResult>(result)
               ?? throw new InvalidOperationException("The memory run's result line held no result.");
    }
}
