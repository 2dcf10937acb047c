using System.ComponentModel;
using System.Diagnostics;

namespace DeepCnn.Compute;

/// <summary>What a small system tool (nvidia-smi, sysctl) prints, for machine descriptions that must never hang or fail.</summary>
public static class ToolOutput
{
    /// <summary>
    /// The standard output of <paramref name="file"/> run with <paramref name="arguments"/>, or null when the tool is
    /// missing, fails, or has not finished within <paramref name="limit"/> (it is then killed).
    /// </summary>
    public static string? Read(string file, string arguments, TimeSpan limit)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            // Both pipes read while waiting: a tool that fills one would otherwise block before it exits.
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Win32Exception)
        {
            return null; // not installed on this machine
        }
    }
}
