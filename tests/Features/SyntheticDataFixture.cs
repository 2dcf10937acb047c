using DeepCnn.Data;

namespace DeepCnn.Tests.Features;

/// <summary>
/// 2,000 training and 500 test images of synthetic data in the CIFAR-10 layout, written once into a temporary folder
/// for every test class of the <see cref="SyntheticDataCollection"/> and deleted afterwards.
/// </summary>
public sealed class SyntheticDataFixture : IDisposable
{
    public const int TrainCount = 2_000;
    public const int TestCount = 500;

    private readonly TempFolder _folder = new();

    public SyntheticDataFixture() => Data = SyntheticCifar.Load(_folder.Path, TrainCount, TestCount, seed: 7);

    public CifarDataSet Data { get; }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SyntheticDataCollection : ICollectionFixture<SyntheticDataFixture>
{
    public const string Name = "synthetic CIFAR-format data";
}
