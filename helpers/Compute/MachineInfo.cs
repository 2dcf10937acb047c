using System.Reflection;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace DeepCnn.Compute;

/// <summary>
/// What a measurement ran on. Throughput numbers mean little without it, so notebooks print <see cref="ToString"/>
/// beside every table and chart.
/// </summary>
/// <param name="Processor">The processor's name as the operating system reports it.</param>
/// <param name="LogicalCores">Logical cores (hardware threads) the process may use.</param>
/// <param name="OsDescription">Operating system and version.</param>
/// <param name="DotNetVersion">The .NET runtime, e.g. ".NET 10.0.1".</param>
/// <param name="TorchSharpVersion">The TorchSharp package version.</param>
/// <param name="LibTorchVersion">The libtorch version underneath (<c>torch.__version__</c>).</param>
/// <param name="TorchThreads">Threads TorchSharp's CPU operations use (by default one per core).</param>
/// <param name="CudaAvailable">Whether TorchSharp can use an NVIDIA GPU in this process.</param>
/// <param name="CudaDevices">How many CUDA devices it sees (0 without CUDA).</param>
public sealed record MachineInfo(string Processor, int LogicalCores, string OsDescription, string DotNetVersion, string TorchSharpVersion,
    string LibTorchVersion, int TorchThreads, bool CudaAvailable, int CudaDevices)
{
    /// <summary>Reads this machine and process.</summary>
    public static MachineInfo Current()
    {
        var cudaAvailable = cuda.is_available();
        return new MachineInfo(
            ProcessorName(),
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            TorchSharpPackageVersion(),
            __version__,
            get_num_threads(),
            cudaAvailable,
            cudaAvailable ? cuda.device_count() : 0);
    }

    /// <summary>One line, e.g. "AMD EPYC 7763, 2 logical cores, Debian 13; .NET 10.0.1; TorchSharp 0.107.0 (libtorch 2.10.0), 2 threads; no CUDA".</summary>
    public override string ToString() =>
        $"{Processor}, {LogicalCores} logical cores, {OsDescription}; {DotNetVersion}; TorchSharp {TorchSharpVersion} (libtorch {LibTorchVersion}), " +
        $"{TorchThreads} threads; " + (CudaAvailable ? $"CUDA: {CudaDevices} device(s)" : "no CUDA");

    private static string ProcessorName()
    {
        var name = OperatingSystem.IsLinux() ? FromCpuInfo()
            : OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER")
            : OperatingSystem.IsMacOS() ? FromSysctl()
            : null;
        // Some ARM boards name no model anywhere; the architecture is still worth printing.
        return string.IsNullOrWhiteSpace(name) ? $"{RuntimeInformation.ProcessArchitecture} processor (model not reported)" : name.Trim();
    }

    private static string? FromCpuInfo()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() is "model name" or "Model" or "Hardware")
                .Select(parts => parts[1])
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FromSysctl() => ToolOutput.Read("sysctl", "-n machdep.cpu.brand_string", TimeSpan.FromSeconds(2));

    private static string TorchSharpPackageVersion()
    {
        var assembly = typeof(TorchSharp.torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // "0.107.0+abc123" carries the commit after '+'; the package version is the part before it.
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
