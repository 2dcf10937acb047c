using System.Diagnostics;
using System.Globalization;

namespace DeepCnn.Benchmarks;

/// <summary>
/// This process's memory as the kernel sees it: resident set, its peak, page faults. On Linux from /proc/self (the
/// peak can be reset there, so a peak belongs to one workload); elsewhere from <see cref="Process"/>, without faults.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Resident memory now (VmRSS).</summary>
    public static long ResidentBytes() => OperatingSystem.IsLinux() && StatusField("VmRSS") is { } bytes
        ? bytes
        : Current(p => p.WorkingSet64);

    /// <summary>Peak resident memory since start or the last <see cref="ResetPeak"/> (VmHWM).</summary>
    public static long PeakBytes() => OperatingSystem.IsLinux() && StatusField("VmHWM") is { } bytes
        ? bytes
        : Current(p => p.PeakWorkingSet64);

    /// <summary>Minor page faults since the process started; null where the system does not say.</summary>
    public static long? MinorFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return ParseMinorFaults(File.ReadAllText("/proc/self/stat"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resets the peak to the current resident size (Linux 4.0+: "5" to /proc/self/clear_refs); false where it cannot.</summary>
    public static bool ResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A "Key:   123 kB" field of /proc/self/status, in bytes; null when absent.</summary>
    public static long? ParseStatusField(string status, string key)
    {
        foreach (var line in status.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon] != key)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return parts.Length >= 2 && parts[1] == "kB" ? value * 1024 : value;
            }
        }

        return null;
    }

    /// <summary>Field 10 (minflt) of /proc/self/stat; the command name in field 2 may hold spaces and parentheses.</summary>
    public static long? ParseMinorFaults(string stat)
    {
        var end = stat.LastIndexOf(')');
        if (end < 0)
        {
            return null;
        }

        // After the command: state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt.
        var fields = stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 7 && long.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var faults) ? faults : null;
    }

    private static long? StatusField(string key)
    {
        try
        {
            return ParseStatusField(File.ReadAllText("/proc/self/status"), key);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Current(Func<Process, long> read)
    {
        using var process = Process.GetCurrentProcess();
        return read(process);
    }
}
