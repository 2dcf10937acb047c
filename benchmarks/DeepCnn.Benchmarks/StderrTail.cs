using System.Diagnostics;

namespace DeepCnn.Benchmarks;

/// <summary>The last lines a child process wrote to stderr, kept for the error message when it fails.</summary>
public sealed class StderrTail
{
    private readonly Process process;
    private readonly int keep;
    private readonly Queue<string> lines = new();

    /// <summary>Starts reading <paramref name="process"/>'s redirected stderr, keeping its last <paramref name="keep"/> lines.</summary>
    public StderrTail(Process process, int keep)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        this.process = process;
        this.keep = keep;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (lines)
            {
                lines.Enqueue(line);
                while (lines.Count > this.keep)
                {
                    lines.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// The kept lines, one per line. Asked for when something went wrong, which usually means the child has ended: then
    /// its stderr is read to the end first (for up to 2 s), since its last lines (the reason) may still be in the pipe.
    /// </summary>
    public string Text()
    {
        ChildProcessEnd.WaitForLastLines(process, TimeSpan.FromSeconds(2));
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }
}
