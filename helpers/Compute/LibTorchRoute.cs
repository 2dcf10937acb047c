using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace DeepCnn.Compute;

/// <summary>
/// TorchSharp's documented route to an existing libtorch, such as a PyTorch install's <c>torch/lib</c> (which may be
/// a CUDA build): load that libtorch into the process before TorchSharp's first use, and TorchSharp's own native
/// library binds to it. A console program calls <see cref="Load"/> first thing in <c>Main</c>. The program must not
/// carry TorchSharp's own libtorch as well (a published folder without the <c>libtorch-cpu</c> files, see
/// benchmarks/README.md): two copies of libtorch in one process register every operator twice.
/// </summary>
public static partial class LibTorchRoute
{
    /// <summary>The libtorch version TorchSharp 0.107 is built for; another version lacks some of the functions it imports.</summary>
    public const string BuiltFor = "2.10";

    private static readonly string[] CpuLibraries = ["libc10.so", "libtorch_cpu.so"];
    private static readonly string[] CudaLibraries = ["libc10_cuda.so", "libtorch_cuda.so"];
    private static readonly Lock Gate = new();
    private static LibTorchLoad? loaded;

    /// <summary>What <see cref="Load"/> loaded in this process; null when it was not called (TorchSharp's own libtorch is in use).</summary>
    public static LibTorchLoad? Current
    {
        get
        {
            lock (Gate)
            {
                return loaded;
            }
        }
    }

    /// <summary>
    /// Loads the libtorch in <paramref name="folder"/> (libc10, libtorch_cpu, the CUDA libraries when present, libtorch)
    /// so that TorchSharp uses it. Throws <see cref="ArgumentException"/> when the folder is not a libtorch folder, and
    /// <see cref="InvalidOperationException"/> when another libtorch is loaded already or this program carries its own.
    /// A version other than <see cref="BuiltFor"/> loads, with a <see cref="LibTorchLoad.Warning"/> to print.
    /// </summary>
    public static LibTorchLoad Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Loading an existing libtorch is implemented for Linux (.so libraries) only.");
        }

        var full = Path.GetFullPath(folder);
        var missing = CpuLibraries.Append("libtorch.so").Where(name => !File.Exists(Path.Combine(full, name))).ToList();
        if (!Directory.Exists(full) || missing.Count > 0)
        {
            throw new ArgumentException(
                $"'{folder}' is not a libtorch folder: {(Directory.Exists(full) ? "it lacks " + string.Join(", ", missing) : "it does not exist")}. " +
                "Expected the lib folder of a PyTorch install (python3 -c \"import torch,os;print(os.path.join(os.path.dirname(torch.__file__),'lib'))\") " +
                "or of a libtorch download.", nameof(folder));
        }

        lock (Gate)
        {
            if (loaded is not null)
            {
                return SameFolder(loaded.Folder, full)
                    ? loaded
                    : throw new InvalidOperationException($"libtorch was already loaded from {loaded.Folder}; a process can use one libtorch only.");
            }

            var mapped = MappedLibraries(ReadMaps());
            if (mapped.FirstOrDefault(p => Path.GetFileName(p) == "libtorch_cpu.so") is { } inUse)
            {
                throw new InvalidOperationException(
                    $"TorchSharp has already loaded libtorch from {Path.GetDirectoryName(inUse)}. Call LibTorchRoute.Load first thing in Main, " +
                    "before anything touches TorchSharp (a notebook kernel has loaded it by the time any cell runs).");
            }

            if (OwnCopy(full) is { } own)
            {
                throw new InvalidOperationException(
                    $"This program carries TorchSharp's own libtorch ({own}); TorchSharp would load it beside the one in {full}, and two copies " +
                    "of libtorch cannot share a process. Use a published folder without TorchSharp's libtorch files (see benchmarks/README.md, " +
                    "'On a machine with PyTorch'), or leave the libtorch folder out to use TorchSharp's own.");
            }

            var cuda = File.Exists(Path.Combine(full, "libtorch_cuda.so"));
            var order = CpuLibraries.Concat(cuda ? CudaLibraries.Where(n => File.Exists(Path.Combine(full, n))) : []).Append("libtorch.so").ToList();
            foreach (var name in order)
            {
                // By full path: libraries loaded later that need libtorch by name (TorchSharp's own) then bind to these.
                NativeLibrary.Load(Path.Combine(full, name));
            }

            var (version, source) = VersionOf(full);
            return loaded = new LibTorchLoad(full, version, source, cuda, order.Select(n => Path.Combine(full, n)).ToList(), Warning(version, source));
        }
    }

    /// <summary>
    /// <see cref="Load"/> for a program's <c>--libtorch</c> option: false, with the reason in <paramref name="error"/>,
    /// for every way loading can fail (not a libtorch folder, too late, not Linux, a library that does not load).
    /// </summary>
    public static bool TryLoad(string folder, [NotNullWhen(true)] out LibTorchLoad? load, [NotNullWhen(false)] out string? error)
    {
        try
        {
            load = Load(folder);
            error = null;
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or DllNotFoundException or BadImageFormatException
                                      or PlatformNotSupportedException)
        {
            load = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// The version of the libtorch in <paramref name="folder"/>: a PyTorch install writes it to <c>torch/version.py</c>
    /// (beside <c>torch/lib</c>), a libtorch download to <c>libtorch/build-version</c>.
    /// </summary>
    public static (string? Version, string Source) VersionOf(string folder)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) ?? folder;
        var python = Path.Combine(parent, "version.py");
        if (File.Exists(python) && PythonVersion().Match(File.ReadAllText(python)) is { Success: true } match)
        {
            return (match.Groups[1].Value, python);
        }

        var build = Path.Combine(parent, "build-version");
        if (File.Exists(build) && File.ReadAllText(build).Trim() is { Length: > 0 } text)
        {
            return (text.Split('\n')[0].Trim(), build);
        }

        return (null, $"neither {python} nor {build} exists");
    }

    /// <summary>
    /// Why libtorch <paramref name="version"/> may not suit TorchSharp (null when its major.minor is <see cref="BuiltFor"/>):
    /// TorchSharp's native library imports functions by name, and those missing from another version abort the process
    /// with "symbol lookup error" when first called.
    /// </summary>
    public static string? Warning(string? version, string source)
    {
        if (version is null)
        {
            return $"the libtorch version is not known ({source}); TorchSharp 0.107 is built for libtorch {BuiltFor}. If it differs, " +
                   "functions TorchSharp imports may be missing: such a call aborts the process with \"symbol lookup error\".";
        }

        var parts = version.Split('.', '+');
        return parts.Length >= 2 && $"{parts[0]}.{parts[1]}" == BuiltFor
            ? null
            : $"libtorch {version} is not the {BuiltFor} that TorchSharp 0.107 is built for: functions TorchSharp imports may be missing " +
              "from it, and a call to one aborts the process with \"symbol lookup error\" (AlexNet training, evaluation and checkpoints " +
              $"ran on 2.11). Use a PyTorch {BuiltFor} install to be safe.";
    }

    /// <summary>The libtorch and c10 libraries mapped into this process (from /proc/self/maps), as full paths; empty off Linux.</summary>
    public static IReadOnlyList<string> Mapped() => MappedLibraries(ReadMaps());

    /// <summary>The libtorch* and libc10* paths in the text of a /proc/[pid]/maps file, each once, in order.</summary>
    public static IReadOnlyList<string> MappedLibraries(string maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        return maps.Split('\n')
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => fields[5].Trim())
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("libtorch", StringComparison.Ordinal) ||
                                                                   name.StartsWith("libc10", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadMaps()
    {
        try
        {
            return OperatingSystem.IsLinux() ? File.ReadAllText("/proc/self/maps") : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    // TorchSharp's own libtorch where .NET would find it for this program: beside it, or in a folder its .deps.json names.
    private static string? OwnCopy(string folder)
    {
        var candidates = new List<string> { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") };
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searched)
        {
            candidates.AddRange(searched.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        return candidates
            .Select(dir => Path.Combine(dir, "libtorch_cpu.so"))
            .FirstOrDefault(path => File.Exists(path) && !SameFolder(Path.GetDirectoryName(path)!, folder));
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);

    [GeneratedRegex("""__version__\s*=\s*['"]([^'"]+)['"]""")]
    private static partial Regex PythonVersion();
}
