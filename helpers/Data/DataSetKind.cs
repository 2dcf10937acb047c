namespace DeepCnn.Data;

/// <summary>Which images a notebook runs on.</summary>
public enum DataSetKind
{
    /// <summary>
    /// CIFAR-10 (downloaded once into the cache), or a local copy named by <c>ALEXNET_CIFAR10_SOURCE</c>; the data is
    /// called CIFAR-10 only when it verifies as CIFAR-10, otherwise it is named by its folder.
    /// </summary>
    Cifar10,

    /// <summary>Generated images in the CIFAR-10 layout, for offline and quick runs; never reported as CIFAR-10.</summary>
    Synthetic,

    /// <summary>A folder of your own images, one subfolder per class (see <see cref="DataOptions.ImageFolder"/> and <see cref="ImageFolderSource"/>).</summary>
    ImageFolder,
}
