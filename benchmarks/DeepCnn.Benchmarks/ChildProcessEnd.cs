using System.Diagnostics;

namespace DeepCnn.Benchmarks;

/// <summary>Waiting for a child process that has failed, so that its last stderr lines (usually the reason) are read.</summary>
public static class ChildProcessEnd
{
    /// <summary>
    /// Waits up to <paramref name="grace"/> for <paramref name="process"/> to end and, when it has, until its redirected
    /// output has been read to the end: only <see cref="Process.WaitForExit()"/> without a timeout waits for that, and
    /// without it the line that says why the child stopped can still be in the pipe. True when the child has ended.
    /// </summary>
    public static bool WaitForLastLines(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.WaitForExit(grace))
            {
                return false;
            }

            process.WaitForExit();
            return true;
        }
        catch (InvalidOperationException)
        {
            // Never started or already disposed: what was read so far is all there is.
            return false;
        }
    }
}
