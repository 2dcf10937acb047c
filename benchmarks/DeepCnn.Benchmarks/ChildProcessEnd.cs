using System.Diagnostics;

namespace DeepCnn.Benchmarks;

/// <summary>
/// The end of a child process that talks over its standard streams: reading its last stderr lines when it has failed, and
/// closing it without ever leaving it running.
/// </summary>
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

    /// <summary>
    /// Closes <paramref name="process"/>'s stdin (its signal to finish), gives it <paramref name="grace"/> to end, kills it
    /// with its children if it has not, and disposes it.
    /// </summary>
    public static void Close(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Its stdin pipe is broken: the child has already ended.
            }

            if (!process.WaitForExit(grace))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
