using System.Globalization;
using System.Runtime.InteropServices;

namespace DeepCnn.Compute;

/// <summary>
/// Keeps libtorch's large CPU buffers in the process from one training step to the next. By default glibc malloc
/// serves every block above its mmap threshold (32 MB at most) with a fresh mapping and unmaps it on free, so each
/// AlexNet step at batch 64 (activations of 20-100 MB each) faults about a gigabyte of pages back in and has the
/// kernel zero them: ~200,000 page faults a step on the project machine, a tenth of the step's time. Raising the
/// mmap and trim thresholds keeps freed blocks in the heap for the next step. Blocks made on threads other than the
/// process's first live in 64 MB per-thread heaps and are still mapped afresh when larger, so a program can also ask
/// libtorch for transparent huge pages (<c>THP_MEM_ALLOC_ENABLE</c>), which turns 512 faults into one.
/// The price: the process keeps its peak memory between steps instead of returning it (<see cref="Trim"/> returns it).
/// Linux with glibc only; elsewhere, or with <c>ALEXNET_ALLOCATOR=default</c>, nothing changes.
/// </summary>
public static class AllocatorTuning
{
    /// <summary>Set to "default" to leave the allocator as the system configured it (for before/after measurements).</summary>
    public const string Variable = "ALEXNET_ALLOCATOR";

    /// <summary>The variable libtorch (2.x) reads, once, at its first CPU allocation.</summary>
    public const string HugePagesVariable = "THP_MEM_ALLOC_ENABLE";

    /// <summary>Blocks below this size come from the heap rather than a mapping of their own.</summary>
    public const int MmapThresholdBytes = 1 << 30;

    /// <summary>Free memory at the top of the heap is kept until there is this much of it.</summary>
    public const int TrimThresholdBytes = int.MaxValue;

    // mallopt parameter numbers from glibc's malloc.h.
    private const int TrimThresholdOption = -1;
    private const int MmapThresholdOption = -3;
    private const string HugePageSetting = "/sys/kernel/mm/transparent_hugepage/enabled";

    private static readonly Lock Gate = new();
    private static AllocatorSettings? applied;

    /// <summary>What <see cref="Apply"/> did in this process; null before its first call.</summary>
    public static AllocatorSettings? Current
    {
        get
        {
            lock (Gate)
            {
                return applied;
            }
        }
    }

    /// <summary>
    /// Tunes the allocator once per process (later calls return the first result). The malloc thresholds apply to
    /// every allocation from the moment they are set, so any caller may ask for them. Ask for huge pages
    /// (<paramref name="requestHugePages"/>) only first thing in a program's <c>Main</c>: libtorch reads the setting at
    /// its first allocation, and setting a native environment variable is not safe while other threads may read the
    /// environment, which is always the case in a notebook kernel or a test host.
    /// </summary>
    public static AllocatorSettings Apply(bool requestHugePages = false)
    {
        lock (Gate)
        {
            return applied ??= Tune(Environment.GetEnvironmentVariable(Variable), requestHugePages);
        }
    }

    /// <summary>Hands free heap memory back to the system (glibc <c>malloc_trim</c>); false where nothing could be done.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static AllocatorSettings Tune(string? setting, bool requestHugePages)
    {
        if (string.Equals(setting?.Trim(), "default", StringComparison.OrdinalIgnoreCase))
        {
            return new AllocatorSettings(false, false, $"system allocator defaults ({Variable}=default)");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new AllocatorSettings(false, false, "system allocator defaults (the tuning is for Linux with glibc)");
        }

        var kept = KeepBuffers();
        var (hugePages, hugePageNote) = requestHugePages
            ? RequestHugePages()
            : (Environment.GetEnvironmentVariable(HugePagesVariable)?.Trim() == "1", $"huge pages as the environment sets them ({HugePagesVariable} not changed)");
        var parts = new List<string>
        {
            kept
                ? string.Create(CultureInfo.InvariantCulture,
                    $"glibc malloc keeps freed buffers (mmap threshold {MmapThresholdBytes >> 20} MB, trim threshold {TrimThresholdBytes >> 20} MB)")
                : "glibc malloc defaults (mallopt not available: not glibc?)",
            hugePageNote,
        };
        return new AllocatorSettings(kept, hugePages, string.Join("; ", parts));
    }

    private static bool KeepBuffers()
    {
        try
        {
            return Mallopt(MmapThresholdOption, MmapThresholdBytes) == 1 && Mallopt(TrimThresholdOption, TrimThresholdBytes) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static (bool Requested, string Note) RequestHugePages()
    {
        if (Environment.GetEnvironmentVariable(HugePagesVariable) is { } own)
        {
            return (own.Trim() == "1", $"{HugePagesVariable}={own} left as set");
        }

        string mode;
        try
        {
            mode = File.ReadAllText(HugePageSetting);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (false, "no transparent huge pages (kernel setting not readable)");
        }

        if (mode.Contains("[never]", StringComparison.Ordinal))
        {
            return (false, "no transparent huge pages (disabled in the kernel)");
        }

        try
        {
            // libtorch reads it with getenv, which never sees .NET's own copy of the environment.
            return SetEnv(HugePagesVariable, "1", 0) == 0
                ? (true, $"transparent huge pages for tensors of 2 MB and more ({HugePagesVariable}=1)")
                : (false, "no transparent huge pages (setenv failed)");
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return (false, "no transparent huge pages (setenv not available)");
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code in a library notebooks load.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int option, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
