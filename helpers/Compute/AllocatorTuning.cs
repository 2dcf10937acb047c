using System.Globalization;
using System.Runtime.InteropServices;

namespace DeepCnn.Compute;

/// <summary>
/// Sets glibc malloc up for libtorch's large CPU buffers, once per process, as its caller chooses (a program's
/// <c>Main</c> or a notebook's set-up cell: never a library constructor). By default nothing changes: glibc serves
/// every block above its mmap threshold (32 MB at most) with a fresh mapping and unmaps it on free, so memory goes
/// back to the system at once, at the price of page faults (about 120,000 a step for the Chapter AlexNet at batch 64:
/// the kernel maps and zeroes half a gigabyte). <see cref="AllocatorChoice.Tuned"/> (opt-in: <c>ALEXNET_ALLOCATOR=tuned</c>)
/// raises the mmap and trim thresholds so freed blocks stay in the heap for the next step, and a program may also ask
/// libtorch for transparent huge pages (<c>THP_MEM_ALLOC_ENABLE</c>). That removes nearly every fault, but the heap
/// then keeps its high-water mark and grows with fragmentation: resident memory climbed step after step above what
/// training uses (and was seen swinging between 1.8 and 4.5 GB at batch 8), which breaks the README's memory promise.
/// The benchmark measures both settings' speed and true peak. Linux with glibc only; elsewhere nothing changes.
/// The thresholds reach only allocations glibc makes from its main arena: a notebook's cells run on other threads, each
/// with an arena of its own whose 64 MB heaps cannot hold the largest buffers, so those still get fresh mappings there
/// (only <c>GLIBC_TUNABLES=glibc.malloc.arena_max=1</c>, set before the process starts, changes that).
/// </summary>
public static class AllocatorTuning
{
    /// <summary>The environment variable that picks the setting: "default" or "tuned" (see <see cref="Parse"/>).</summary>
    public const string Variable = "ALEXNET_ALLOCATOR";

    /// <summary>What a process gets when neither its code nor <c>ALEXNET_ALLOCATOR</c> chooses.</summary>
    public const AllocatorChoice DefaultChoice = AllocatorChoice.Default;

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
    /// Sets the allocator up once per process (later calls return the first result): <paramref name="choice"/>, or when
    /// null what <c>ALEXNET_ALLOCATOR</c> says, or <see cref="DefaultChoice"/>. The malloc thresholds apply to every
    /// allocation from the moment they are set, so any caller may ask for them. Ask for huge pages
    /// (<paramref name="requestHugePages"/>) only first thing in a program's <c>Main</c>: libtorch reads the setting at
    /// its first allocation, and setting a native environment variable is not safe while other threads may read the
    /// environment, which is always the case in a notebook kernel or a test host.
    /// </summary>
    public static AllocatorSettings Apply(AllocatorChoice? choice = null, bool requestHugePages = false)
    {
        lock (Gate)
        {
            return applied ??= Tune(choice ?? Parse(Environment.GetEnvironmentVariable(Variable)), requestHugePages);
        }
    }

    /// <summary>
    /// The choice an <c>ALEXNET_ALLOCATOR</c> value names: unset or empty is <see cref="DefaultChoice"/>, otherwise
    /// "default" or "tuned" (any case); anything else is an error that names the variable, the value and the choices.
    /// </summary>
    public static AllocatorChoice Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return DefaultChoice;
        }

        if (TryParseName(text, out var choice))
        {
            return choice;
        }

        throw new ArgumentException(
            $"{Variable}='{value}' is not a known allocator setting; expected one of: " +
            string.Join(", ", Enum.GetValues<AllocatorChoice>().Select(Name)) + $" (unset: {Name(DefaultChoice)}).", nameof(value));
    }

    /// <summary>The choice a setting's name ("default", "tuned", any case, spaces around allowed) stands for.</summary>
    public static bool TryParseName(string? name, out AllocatorChoice choice)
    {
        foreach (var candidate in Enum.GetValues<AllocatorChoice>())
        {
            if (string.Equals(name?.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                choice = candidate;
                return true;
            }
        }

        choice = default;
        return false;
    }

    /// <summary>The word <c>ALEXNET_ALLOCATOR</c> uses for <paramref name="choice"/>: "default" or "tuned".</summary>
    public static string Name(AllocatorChoice choice) => choice.ToString().ToLowerInvariant();

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

    private static AllocatorSettings Tune(AllocatorChoice choice, bool requestHugePages)
    {
        if (choice == AllocatorChoice.Default)
        {
            return new AllocatorSettings(false, false, $"system allocator defaults ({Variable}={Name(choice)})");
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
