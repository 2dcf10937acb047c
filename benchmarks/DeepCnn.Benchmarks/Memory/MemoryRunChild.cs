using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// One allocator setting's process: this benchmark program started again as a memory-run child
/// (<see cref="MemoryRunRequest.Flag"/>), told step by step when to train, so that several settings alternate as the
/// benchmark's two sides do and other work on the machine slows them alike. The child inherits the environment, so a
/// libtorch folder or LD_LIBRARY_PATH given to the parent applies to it too.
/// </summary>
public sealed class MemoryRunChild : IDisposable
{
    private readonly Process process;
    private readonly Action<string> log;
    private readonly StderrTail errors;

    private MemoryRunChild(MemoryRunRequest request, Process process, Action<string> log)
    {
        Request = request;
        this.process = process;
        this.log = log;
        errors = new StderrTail(process, keep: 15);
    }

    /// <summary>The longest a child may take to build its model, take a step or finish.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>What this child trains.</summary>
    public MemoryRunRequest Request { get; }

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

    /// <summary>Starts a child for <paramref name="request"/>; its stray output lines go to <paramref name="log"/>.</summary>
    public static MemoryRunChild Start(MemoryRunRequest request, string workingDirectory, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fileName, prefix) = SelfCommand(Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
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
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new MemoryRunChild(request, process, log);
    }

    /// <summary>Waits until the child has built its model.</summary>
    public void WaitReady() => Expect(line => line == MemoryRun.Ready ? line : null, "get ready");

    /// <summary>An untimed step.</summary>
    public void Warmup() => Command(MemoryRun.WarmupCommand);

    /// <summary>A timed step; its seconds.</summary>
    public double Step() => Command(MemoryRun.StepCommand);

    /// <summary>Ends the run and returns what the child measured.</summary>
    public MemoryRunResult Finish()
    {
        Send(MemoryRun.FinishCommand);
        var json = Expect(line => line.StartsWith(MemoryRun.ResultPrefix, StringComparison.Ordinal) ? line[MemoryRun.ResultPrefix.Length..] : null,
            "finish");
        return JsonSerializer.Deserialize<MemoryRunResult>(json) ?? throw Failure("finish", "its result line held no result");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ChildProcessEnd.Close(process, TimeSpan.FromSeconds(30));
    }

    private double Command(string command)
    {
        Send(command);
        var text = Expect(line => line.StartsWith(MemoryRun.StepPrefix, StringComparison.Ordinal) ? line[MemoryRun.StepPrefix.Length..] : null, command);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private void Send(string command)
    {
        try
        {
            process.StandardInput.WriteLine(command);
            process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            throw Failure(command, $"it has stopped ({e.Message})");
        }
    }

    // Reads lines until one that <paramref name="match"/> accepts; other lines go to the log.
    private string Expect(Func<string, string?> match, string what)
    {
        while (true)
        {
            var pending = process.StandardOutput.ReadLineAsync();
            if (!pending.Wait(Timeout))
            {
                throw Failure(what, $"no answer within {Timeout.TotalMinutes:F0} minutes");
            }

            if (pending.Result is not { } line)
            {
                ChildProcessEnd.WaitForLastLines(process, TimeSpan.FromSeconds(10));
                throw Failure(what, $"it ended (exit code {(process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?")})");
            }

            if (match(line) is { } found)
            {
                return found;
            }

            log(line);
        }
    }

    private InvalidOperationException Failure(string what, string why)
    {
        var tail = errors.Text();
        return new InvalidOperationException(
            $"The memory run ({string.Join(' ', Request.ToArguments())}) failed to {what}: {why}.{(tail.Length > 0 ? Environment.NewLine + tail : "")}");
    }
}
