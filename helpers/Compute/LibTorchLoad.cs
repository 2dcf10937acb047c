namespace DeepCnn.Compute;

/// <summary>What <see cref="LibTorchRoute.Load"/> loaded, and whether it fits the TorchSharp in this process.</summary>
/// <param name="Folder">The libtorch folder, as a full path.</param>
/// <param name="Version">Its version ("2.11.0+cu130"), or null when the folder does not say.</param>
/// <param name="VersionSource">The file the version came from, or why there is none.</param>
/// <param name="Cuda">Whether the folder holds libtorch's CUDA library (libtorch_cuda.so), which was loaded too.</param>
/// <param name="Libraries">The libraries loaded, in order.</param>
/// <param name="Warning">Why this libtorch may not suit TorchSharp (another version, or an unknown one); null when it matches.</param>
public sealed record LibTorchLoad(string Folder, string? Version, string VersionSource, bool Cuda, IReadOnlyList<string> Libraries, string? Warning)
{
    /// <summary>"libtorch 2.11.0+cu130 (CUDA) from /opt/torch/lib".</summary>
    public override string ToString() => $"libtorch {Version ?? "of unknown version"}{(Cuda ? " (CUDA)" : " (CPU)")} from {Folder}";
}
