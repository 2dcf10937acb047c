using System.Runtime.InteropServices;
using DeepCnn.Benchmarks;
using DeepCnn.Compute;
using DeepCnn.Tests.Compute;

namespace DeepCnn.Tests.Benchmarks;

public sealed class CpuPeakTests
{
    [Fact]
    public void Cpuinfo_gives_vendor_model_flags_and_physical_cores()
    {
        var cpu = CpuDescription.Parse(CpuInfoSamples.CoffeeLake);

        Assert.Equal("GenuineIntel", cpu.Vendor);
        Assert.Equal(6, cpu.Family);
        Assert.Equal(158, cpu.Model);
        Assert.Equal("Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz", cpu.ModelName);
        Assert.Contains("avx2", cpu.Flags);
        Assert.Equal(12, cpu.LogicalProcessors);
        Assert.Equal(6, cpu.PhysicalCores);
        Assert.Equal(800, cpu.ReportedMhz);
    }

    [Fact]
    public void Two_hardware_threads_of_one_core_count_as_one_core()
    {
        var cpu = CpuDescription.Parse(CpuInfoSamples.Zen4Vm);

        Assert.Equal(2, cpu.LogicalProcessors);
        Assert.Equal(1, cpu.PhysicalCores);
        var peak = CpuPeak.Estimate(cpu, threads: 2)!;
        Assert.Equal(1, peak.Cores);
        Assert.Contains("share", peak.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emerald_rapids_guest_without_cpufreq_peaks_at_cores_times_64_flops_times_the_reported_clock()
    {
        var peak = CpuPeak.Estimate(CpuDescription.Parse(CpuInfoSamples.EmeraldRapidsVm), threads: 2)!;

        Assert.Contains("Emerald Rapids", peak.Microarchitecture, StringComparison.Ordinal);
        Assert.Equal((2, 512, 2, 64), (peak.Cores, peak.VectorBits, peak.FmaUnits, peak.FlopsPerCycle));
        Assert.Equal(2.1, peak.ClockGhz, precision: 9);
        Assert.Equal(2 * 64 * 2.1, peak.Gflops, precision: 9);
        Assert.Contains("cpu MHz", peak.ClockSource, StringComparison.Ordinal);
        Assert.Equal("2 cores x 16 float32 lanes (512-bit) x 2 (multiply-add) x 2 FMA units x 2.10 GHz = 268.8 GFLOP/s", peak.Formula);
    }

    [Fact]
    public void Zen_4_counts_its_avx512_as_two_256_bit_halves_and_zen_5_as_full_width()
    {
        var zen4 = CpuPeak.Estimate(CpuDescription.Parse(CpuInfoSamples.Zen4Vm), threads: 1)!;
        var zen5 = CpuPeak.Estimate(CpuDescription.Parse(CpuInfoSamples.Zen5Desktop), threads: 2)!;

        Assert.Equal((256, 32), (zen4.VectorBits, zen4.FlopsPerCycle));
        Assert.Equal((512, 64), (zen5.VectorBits, zen5.FlopsPerCycle));
        Assert.Equal(2 * 64 * 5.083211, zen5.Gflops, precision: 6);
    }

    [Fact]
    public void The_cpufreq_maximum_wins_over_the_clock_in_the_name_and_the_name_over_cpu_mhz()
    {
        var cpu = CpuDescription.Parse(CpuInfoSamples.CoffeeLake);

        var fromName = CpuPeak.Estimate(cpu, threads: 6)!;
        Assert.Equal(3.2, fromName.ClockGhz, precision: 9);
        Assert.Contains("name", fromName.ClockSource, StringComparison.Ordinal);
        Assert.Equal(6 * 32 * 3.2, fromName.Gflops, precision: 9);

        var fromMax = CpuPeak.Estimate(cpu, threads: 6, maxKhz: 4_600_000, baseKhz: 3_200_000)!;
        Assert.Equal(4.6, fromMax.ClockGhz, precision: 9);
        Assert.Contains("cpuinfo_max_freq", fromMax.ClockSource, StringComparison.Ordinal);

        Assert.Equal(3.0, CpuPeak.Estimate(cpu, threads: 6, baseKhz: 3_000_000)!.ClockGhz, precision: 9);
    }

    [Fact]
    public void More_threads_than_cores_add_nothing_and_fewer_count_only_themselves()
    {
        var cpu = CpuDescription.Parse(CpuInfoSamples.CoffeeLake);

        Assert.Equal(6, CpuPeak.Estimate(cpu, threads: 12)!.Cores);
        Assert.Equal(2, CpuPeak.Estimate(cpu, threads: 2)!.Cores);
    }

    [Fact]
    public void A_processor_outside_the_x86_table_gets_no_estimate_rather_than_a_guess()
    {
        Assert.Null(CpuPeak.Estimate(CpuDescription.Parse(CpuInfoSamples.Arm), threads: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPeak.Estimate(CpuDescription.Parse(CpuInfoSamples.CoffeeLake), threads: 0));
    }

    [Fact]
    public void Without_any_clock_there_is_no_estimate()
    {
        var noClock = CpuDescription.Parse(CpuInfoSamples.EmeraldRapidsVm) with { ReportedMhz = null };

        Assert.Null(CpuPeak.Estimate(noClock, threads: 2));
    }

    [Fact]
    public void This_machine_has_an_estimate_that_explains_itself_when_it_is_x86_linux()
    {
        var peak = CpuPeak.Current(Environment.ProcessorCount);
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return;
        }

        Assert.NotNull(peak);
        Assert.True(peak.Gflops > 0);
        Assert.InRange(peak.Cores, 1, Environment.ProcessorCount);
        Assert.StartsWith(peak.Formula, peak.ToString(), StringComparison.Ordinal);
    }
}
