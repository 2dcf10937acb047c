namespace DeepCnn.Data;

/// <summary>Which images a notebook runs on.</summary>
public enum DataSetKind
{
    /// <summary>The real CIFAR-10 (downloaded once into the cache, or a local copy).</summary>
    Cifar10,

    /// <summary>Generated images in the CIFAR-10 layout, for offline and quick runs; never reported as CIFAR-10.</summary>
    Synthetic,
}
