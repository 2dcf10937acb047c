using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>
/// The GPU's name from <c>nvidia-smi</c>, which TorchSharp 0.107 cannot give (it has no device-name call). Reading
/// the CSV output and matching a CUDA index to a listed GPU are pure functions, so they are tested without a GPU.
/// </summary>
public static class NvidiaSmi
{
    /// <summary>The arguments that make nvidia-smi list index, UUID and name, one GPU a line, without a header.</summary>
    public const string QueryArguments = "--query-gpu=index,uuid,name --format=csv,noheader";

    private static readonly Lazy<IReadOnlyList<NvidiaGpu>> Listed = new(Query);

    /// <summary>The GPUs this machine's nvidia-smi lists (read once per process); empty when there is no nvidia-smi or it fails.</summary>
    public static IReadOnlyList<NvidiaGpu> Gpus => Listed.Value;

    /// <summary>
    /// The name of the GPU a process sees as CUDA device <paramref name="cudaIndex"/>, or null when it cannot be told
    /// for certain. CUDA numbers only the GPUs in CUDA_VISIBLE_DEVICES (indices or UUIDs, in the order given), and by
    /// default orders them fastest first rather than in nvidia-smi's PCI order; when that order could differ and the
    /// cards differ, the name is left out rather than guessed.
    /// </summary>
    public static string? NameOf(int cudaIndex, IReadOnlyList<NvidiaGpu> gpus, string? visibleDevices, string? deviceOrder)
    {
        ArgumentNullException.ThrowIfNull(gpus);
        var visible = Visible(gpus, visibleDevices);
        if (visible is null || cudaIndex < 0 || cudaIndex >= visible.Count)
        {
            return null;
        }

        var sameNames = visible.Select(g => g.Name).Distinct(StringComparer.Ordinal).Count() == 1;
        var busOrder = string.Equals(deviceOrder?.Trim(), "PCI_BUS_ID", StringComparison.Ordinal);
        return sameNames || busOrder ? visible[cudaIndex].Name : null;
    }

    /// <summary>Reads "0, GPU-8f6c..., NVIDIA H200" lines; lines that do not fit are skipped.</summary>
    public static IReadOnlyList<NvidiaGpu> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var gpus = new List<NvidiaGpu>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The name comes last and may itself hold commas, so split into at most three fields.
            var fields = line.Split(',', 3, StringSplitOptions.TrimEntries);
            if (fields.Length == 3 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && fields[2].Length > 0)
            {
                gpus.Add(new NvidiaGpu(index, fields[1], fields[2]));
            }
        }

        return gpus;
    }

    // The GPUs CUDA numbers, in its order; null when CUDA_VISIBLE_DEVICES names something nvidia-smi does not list.
    private static List<NvidiaGpu>? Visible(IReadOnlyList<NvidiaGpu> gpus, string? visibleDevices)
    {
        if (visibleDevices is null)
        {
            return [.. gpus.OrderBy(g => g.Index)];
        }

        var chosen = new List<NvidiaGpu>();
        foreach (var entry in visibleDevices.Split(',', StringSplitOptions.TrimEntries))
        {
            // CUDA stops at the first entry it cannot use; so does this.
            var gpu = int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? gpus.FirstOrDefault(g => g.Index == index)
                : entry.StartsWith("GPU-", StringComparison.OrdinalIgnoreCase)
                    ? gpus.FirstOrDefault(g => g.Uuid.StartsWith(entry, StringComparison.OrdinalIgnoreCase))
                    : null;
            if (gpu is null)
            {
                return chosen.Count > 0 ? chosen : null;
            }

            chosen.Add(gpu);
        }

        return chosen;
    }

    private static IReadOnlyList<NvidiaGpu> Query() =>
        ToolOutput.Read("nvidia-smi", QueryArguments, TimeSpan.FromSeconds(5)) is { } output ? Parse(output) : [];
}
