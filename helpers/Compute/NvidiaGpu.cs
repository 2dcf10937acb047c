namespace DeepCnn.Compute;

/// <summary>One GPU as <c>nvidia-smi</c> lists it.</summary>
/// <param name="Index">nvidia-smi's index (PCI bus order), not necessarily the CUDA index a process sees.</param>
/// <param name="Uuid">The GPU's UUID ("GPU-..."), which CUDA_VISIBLE_DEVICES may name instead of an index.</param>
/// <param name="Name">The card's name, e.g. "NVIDIA H200".</param>
public sealed record NvidiaGpu(int Index, string Uuid, string Name);
