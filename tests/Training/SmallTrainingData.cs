using DeepCnn.Data;

namespace DeepCnn.Tests.Training;

/// <summary>Small synthetic data in the CIFAR-10 layout, generated once for the training tests.</summary>
public sealed class SmallTrainingData : IDisposable
{
    private readonly TempFolder temp = new();

    public SmallTrainingData() => Data = SyntheticCifar.Load(temp.Path, trainCount: 1_000, testCount: 300, seed: 3);

    public CifarDataSet Data { get; }

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TrainingCollection : ICollectionFixture<SmallTrainingData>
{
    public const string Name = "training on small synthetic data";
}
