using System.Globalization;
using static TorchSharp.torch;

namespace DeepCnn.Compute;

/// <summary>Picks where tensors live: CUDA when this build and machine have it, else the CPU; overridable by name.</summary>
public static class Devices
{
    /// <summary>The device names <see cref="Resolve"/> takes, as a regular expression (case-insensitive; empty means "auto").</summary>
    public const string NamePattern = @"(?i)\s*(auto|cpu|cuda(:\d+)?)?\s*";

    /// <summary>The device names <see cref="Resolve"/> takes, in words.</summary>
    public const string NameExpectation = "\"auto\", \"cpu\", \"cuda\" or \"cuda:N\"";

    /// <summary>
    /// "auto" (CUDA if available, else CPU), "cpu", "cuda" or "cuda:N". Asking for CUDA where there is none is an
    /// error that says how to get it, rather than a silent fall-back.
    /// </summary>
    public static Device Resolve(string choice = "auto")
    {
        var name = choice.Trim().ToLowerInvariant();
        if (name is "auto" or "")
        {
            return cuda.is_available() ? CUDA : CPU;
        }

        if (name == "cpu")
        {
            return CPU;
        }

        if (name.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
            {
                throw new ArgumentException(
                    $"Device '{choice}' asked for, but CUDA is not available: this process loaded a CPU build of TorchSharp " +
                    "or found no NVIDIA GPU. Reference TorchSharp-cuda-windows or TorchSharp-cuda-linux instead of TorchSharp-cpu " +
                    "(see README, 'GPU'), or use \"auto\"/\"cpu\".");
            }

            return device(name);
        }

        throw new ArgumentException($"Device '{choice}' is not known; expected {NameExpectation}.", nameof(choice));
    }

    /// <summary>One line saying what <paramref name="device"/> is: "CUDA device 0 of 1 (NVIDIA H200)", or the CPU and its threads.</summary>
    public static string Describe(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.type != TorchSharp.DeviceType.CUDA)
        {
            return $"CPU, {get_num_threads()} threads" + (cuda.is_available() ? "" : " (no CUDA device or CPU-only TorchSharp build)");
        }

        return DescribeCuda(CudaIndex(device.index), cuda.device_count(), GpuName(device));
    }

    /// <summary>The card's name for a CUDA device where nvidia-smi can tell it for certain; null for the CPU or when it cannot.</summary>
    public static string? GpuName(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.type != TorchSharp.DeviceType.CUDA
            ? null
            : NvidiaSmi.NameOf(CudaIndex(device.index), NvidiaSmi.Gpus,
                Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"), Environment.GetEnvironmentVariable("CUDA_DEVICE_ORDER"));
    }

    /// <summary>
    /// The CUDA device a tensor placed on index <paramref name="index"/> uses. "cuda" without a number has index -1,
    /// meaning the current device, which is device 0: TorchSharp 0.107 has no call that changes it.
    /// </summary>
    public static int CudaIndex(int index) => index < 0 ? 0 : index;

    /// <summary>"CUDA device 0 of 1 (NVIDIA H200)"; without the name when it is not known.</summary>
    public static string DescribeCuda(int index, int count, string? name) =>
        string.Create(CultureInfo.InvariantCulture, $"CUDA device {index} of {count}") + (string.IsNullOrWhiteSpace(name) ? "" : $" ({name})");
}
