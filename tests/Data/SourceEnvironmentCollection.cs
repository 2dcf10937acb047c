namespace DeepCnn.Tests.Data;

/// <summary>Tests that set ALEXNET_CIFAR10_SOURCE (process-wide) run alone, so no other test sees their value.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SourceEnvironmentCollection
{
    public const string Name = "ALEXNET_CIFAR10_SOURCE environment variable";
}
