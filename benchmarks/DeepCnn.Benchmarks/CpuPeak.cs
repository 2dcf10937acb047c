using System.Globalization;
using System.Text.RegularExpressions;
using DeepCnn.Compute;

namespace DeepCnn.Benchmarks;

/// <summary>
/// A processor's theoretical float32 peak: cores x float32 lanes per vector x 2 (a fused multiply-add is two
/// operations) x FMA units per core x clock. No program reaches it, but nothing can pass it either (unless the clock
/// runs above the one assumed), so it is the honest ceiling to judge measured GFLOP/s against. How each factor was
/// found, and what was assumed, is part of the result.
/// </summary>
/// <param name="Processor">The processor's name.</param>
/// <param name="Microarchitecture">The microarchitecture the vector units were read from, e.g. "Intel Sapphire Rapids".</param>
/// <param name="Cores">Cores counted: the threads asked for, at most the physical cores.</param>
/// <param name="PhysicalCores">Physical cores the system lists.</param>
/// <param name="VectorBits">Width of one FMA unit's vector, in bits (512 for AVX-512 units, 256 for AVX2).</param>
/// <param name="FmaUnits">FMA units per core that can start one vector multiply-add each cycle.</param>
/// <param name="ClockGhz">The clock assumed, in GHz.</param>
/// <param name="ClockSource">Where the clock came from, and what that means for the figure.</param>
/// <param name="Assumption">What was assumed rather than read.</param>
public sealed partial record CpuPeak(string Processor, string Microarchitecture, int Cores, int PhysicalCores, int VectorBits, int FmaUnits,
    double ClockGhz, string ClockSource, string Assumption)
{
    /// <summary>float32 values in one vector.</summary>
    public int FloatLanes => VectorBits / 32;

    /// <summary>float32 operations per cycle and core.</summary>
    public int FlopsPerCycle => FloatLanes * 2 * FmaUnits;

    /// <summary>The theoretical peak in GFLOP/s.</summary>
    public double Gflops => Cores * FlopsPerCycle * ClockGhz;

    /// <summary>The arithmetic, e.g. "2 cores x 16 float32 lanes (512-bit) x 2 (multiply-add) x 2 FMA units x 2.10 GHz = 268.8 GFLOP/s".</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} core{(Cores == 1 ? "" : "s")} x {FloatLanes} float32 lanes ({VectorBits}-bit) x 2 (multiply-add) x {FmaUnits} FMA unit{(FmaUnits == 1 ? "" : "s")} x {ClockGhz:0.00} GHz = {Gflops:F1} GFLOP/s");

    /// <summary>The formula, then how it was derived.</summary>
    public override string ToString() => $"{Formula} ({Microarchitecture}; clock: {ClockSource}; assumed: {Assumption})";

    /// <summary>
    /// This machine's peak for <paramref name="threads"/> threads, from /proc/cpuinfo and cpufreq; null off Linux or for a
    /// processor the estimate does not know (it covers x86-64).
    /// </summary>
    public static CpuPeak? Current(int threads)
    {
        var cpu = CpuDescription.Current();
        return cpu is null
            ? null
            : Estimate(cpu, threads, ReadKhz("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"),
                ReadKhz("/sys/devices/system/cpu/cpu0/cpufreq/base_frequency"));
    }

    /// <summary>
    /// The peak of <paramref name="cpu"/> running <paramref name="threads"/> threads. The clock is the first of: the
    /// cpufreq maximum (<paramref name="maxKhz"/>), the cpufreq base (<paramref name="baseKhz"/>), the "@ 2.10GHz" of the
    /// model name, the "cpu MHz" the system reports. Null when the processor is not x86-64 or no clock is known.
    /// </summary>
    public static CpuPeak? Estimate(CpuDescription cpu, int threads, double? maxKhz = null, double? baseKhz = null)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (Units(cpu) is not { } units || Clock(cpu, maxKhz, baseKhz) is not { } clock)
        {
            return null;
        }

        var cores = Math.Min(threads, cpu.PhysicalCores);
        var assumption = units.Assumption;
        if (cpu.LogicalProcessors > cpu.PhysicalCores)
        {
            assumption += "; hardware threads of one core share its FMA units, so only physical cores count";
        }

        return new CpuPeak(string.IsNullOrWhiteSpace(cpu.ModelName) ? cpu.Vendor : cpu.ModelName, units.Name, cores, cpu.PhysicalCores, units.Bits,
            units.Fmas, clock.Ghz, clock.Source, assumption);
    }

    private static (string Name, int Bits, int Fmas, string Assumption)? Units(CpuDescription cpu)
    {
        var flags = cpu.Flags;
        var avx512 = flags.Contains("avx512f");
        var fma = flags.Contains("fma") && flags.Contains("avx2");
        if (!flags.Contains("sse2"))
        {
            return null; // not x86-64: the table below is all x86
        }

        var family = cpu.Family ?? 0;
        var model = cpu.Model ?? 0;
        if (cpu.Vendor == "GenuineIntel" && family == 6 && avx512)
        {
            return model switch
            {
                85 => ("Intel Skylake-SP / Cascade Lake / Cooper Lake (AVX-512)", 512, 2,
                    "2 AVX-512 FMA units per core, as on Xeon Gold 6000 and Platinum; Xeon Bronze, Silver and some Gold 5000 models have 1"),
                106 or 108 => ("Intel Ice Lake-SP (AVX-512)", 512, 2, "2 AVX-512 FMA units per core (Xeon Scalable)"),
                143 => ("Intel Sapphire Rapids (AVX-512)", 512, 2, "2 AVX-512 FMA units per core (Xeon Scalable); AMX does not count: it works on bfloat16 and int8, not float32"),
                207 => ("Intel Emerald Rapids (AVX-512)", 512, 2, "2 AVX-512 FMA units per core (Xeon Scalable); AMX does not count: it works on bfloat16 and int8, not float32"),
                173 or 174 => ("Intel Granite Rapids (AVX-512)", 512, 2, "2 AVX-512 FMA units per core (Xeon 6); AMX does not count: it works on bfloat16 and int8, not float32"),
                102 or 125 or 126 or 140 or 141 or 167 => ("Intel Ice Lake / Tiger Lake / Rocket Lake client (AVX-512)", 512, 1,
                    "1 AVX-512 FMA unit per core (the two 256-bit units fuse for 512-bit work)"),
                _ => ($"Intel family 6 model {model} (AVX-512, not in the table)", 512, 2, "2 AVX-512 FMA units per core, as on Xeon processors; client processors have 1"),
            };
        }

        if (cpu.Vendor is "AuthenticAMD" or "HygonGenuine")
        {
            switch (family)
            {
                case 23 when model >= 0x30:
                    return ("AMD Zen 2", 256, 2, "2 256-bit FMA units per core");
                case 23 or 24:
                    return ("AMD Zen / Zen+", 128, 2, "2 128-bit FMA units per core (256-bit AVX2 work runs in two halves)");
                case 25 when avx512:
                    return ("AMD Zen 4", 256, 2, "2 256-bit FMA units per core: Zen 4 runs AVX-512 instructions in two 256-bit halves");
                case 25:
                    return ("AMD Zen 3", 256, 2, "2 256-bit FMA units per core");
                case 26 when avx512 && model is (>= 0x20 and <= 0x2F) or (>= 0x60 and <= 0x7F):
                    return ("AMD Zen 5 (mobile)", 256, 2, "2 FMA units with a 256-bit data path, as in Zen 5 mobile processors");
                case 26 when avx512:
                    return ("AMD Zen 5", 512, 2, "2 512-bit FMA units per core (desktop and server Zen 5; mobile parts have a 256-bit data path)");
            }
        }

        if (avx512)
        {
            return ("x86-64 with AVX-512 (microarchitecture not in the table)", 512, 2, "2 AVX-512 FMA units per core");
        }

        if (fma)
        {
            return ("x86-64 with AVX2 and FMA", 256, 2, "2 256-bit FMA units per core, as on every Intel core since Haswell and AMD since Zen 2");
        }

        return flags.Contains("avx")
            ? ("x86-64 with AVX, without FMA", 256, 1, "one 256-bit add and one 256-bit multiply a cycle, counted as one multiply-add")
            : ("x86-64 with SSE", 128, 1, "one 128-bit add and one 128-bit multiply a cycle, counted as one multiply-add");
    }

    private static (double Ghz, string Source)? Clock(CpuDescription cpu, double? maxKhz, double? baseKhz)
    {
        if (maxKhz is > 0)
        {
            return (maxKhz.Value / 1e6, "the highest clock the cpufreq driver allows (cpuinfo_max_freq); long vector work on all cores often runs slower, so this is an upper bound");
        }

        if (baseKhz is > 0)
        {
            return (baseKhz.Value / 1e6, "the base clock (cpufreq base_frequency); boost clocks above it are not counted");
        }

        if (NominalClock().Match(cpu.ModelName) is { Success: true } match &&
            double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ghz) && ghz > 0)
        {
            return (ghz, "the nominal clock in the processor's name; boost clocks above it are not counted");
        }

        return cpu.ReportedMhz is > 0
            ? (cpu.ReportedMhz.Value / 1e3,
                "the \"cpu MHz\" of /proc/cpuinfo (no cpufreq data, as in most virtual machines, where it is the host's nominal clock); boost clocks above it are not counted")
            : null;
    }

    private static double? ReadKhz(string path)
    {
        try
        {
            return File.Exists(path) && double.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var khz)
                ? khz
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"@\s*([0-9]+(?:\.[0-9]+)?)\s*GHz", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NominalClock();
}
