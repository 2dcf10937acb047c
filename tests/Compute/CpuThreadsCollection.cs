namespace DeepCnn.Tests.Compute;

/// <summary>
/// Tests that change TorchSharp's CPU thread count, or count live tensors, run alone: no other test may see their
/// thread count or add tensors while they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuThreadsCollection
{
    public const string Name = "TorchSharp CPU thread count";
}
