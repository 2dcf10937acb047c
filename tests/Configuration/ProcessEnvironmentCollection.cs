namespace DeepCnn.Tests.Configuration;

/// <summary>Tests that set ALEXNET_* variables in this process run alone, so no other test reads their values.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "ALEXNET_* variables of the test process";
}
