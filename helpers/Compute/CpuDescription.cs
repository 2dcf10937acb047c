using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>What the operating system says about the processor: the facts a theoretical peak is derived from.</summary>
/// <param name="Vendor">"GenuineIntel", "AuthenticAMD", ... (empty when not reported).</param>
/// <param name="Family">The x86 family number (e.g. 6 for Intel Core and Xeon, 25 for AMD Zen 3 and Zen 4); null when not reported.</param>
/// <param name="Model">The x86 model number within the family; null when not reported.</param>
/// <param name="ModelName">The marketing name, e.g. "Intel(R) Xeon(R) Platinum 8480+".</param>
/// <param name="Flags">The instruction-set flags ("avx2", "fma", "avx512f", ...), lower case.</param>
/// <param name="LogicalProcessors">Hardware threads listed.</param>
/// <param name="PhysicalCores">Distinct cores (by physical id and core id); hardware threads of one core share its vector units.</param>
/// <param name="ReportedMhz">The "cpu MHz" of the first processor: the clock right now, or in a virtual machine often the host's nominal clock.</param>
public sealed record CpuDescription(string Vendor, int? Family, int? Model, string ModelName, IReadOnlySet<string> Flags, int LogicalProcessors,
    int PhysicalCores, double? ReportedMhz)
{
    /// <summary>This machine's processor from /proc/cpuinfo; null where there is no such file (not Linux) or it cannot be read.</summary>
    public static CpuDescription? Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return Parse(File.ReadAllText("/proc/cpuinfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads the text of /proc/cpuinfo: one block of "key : value" lines per logical processor.</summary>
    public static CpuDescription Parse(string cpuinfo)
    {
        ArgumentNullException.ThrowIfNull(cpuinfo);
        var blocks = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var raw in cpuinfo.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                current = null; // a blank line ends a processor's block
                continue;
            }

            var key = line[..colon].Trim();
            if (key == "processor" || current is null)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                blocks.Add(current);
            }

            current[key] = line[(colon + 1)..].Trim();
        }

        var processors = blocks.Where(b => b.ContainsKey("processor")).ToList();
        var first = processors.FirstOrDefault() ?? blocks.FirstOrDefault() ?? [];
        var cores = processors
            .Where(b => b.ContainsKey("core id"))
            .Select(b => (b.GetValueOrDefault("physical id", "0"), b["core id"]))
            .Distinct()
            .Count();
        var flags = (first.GetValueOrDefault("flags") ?? first.GetValueOrDefault("Features") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return new CpuDescription(
            first.GetValueOrDefault("vendor_id") ?? "",
            Integer(first.GetValueOrDefault("cpu family")),
            Integer(first.GetValueOrDefault("model")),
            first.GetValueOrDefault("model name") ?? first.GetValueOrDefault("Model") ?? "",
            flags,
            processors.Count,
            cores > 0 ? cores : processors.Count,
            double.TryParse(first.GetValueOrDefault("cpu MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) ? mhz : null);
    }

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
