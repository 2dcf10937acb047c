namespace DeepCnn.Data;

/// <summary>What a data set is, as far as the library could check.</summary>
public enum DataOriginKind
{
    /// <summary>
    /// CIFAR-10 itself: an archive whose checksum matches the published one, or a folder whose six batch files have
    /// CIFAR-10's sizes and whose class names are CIFAR-10's.
    /// </summary>
    Cifar10,

    /// <summary>Data in CIFAR-10's binary layout that did not verify as CIFAR-10: named by its folder, never called CIFAR-10.</summary>
    CifarLayoutCopy,

    /// <summary>Generated stand-in images in the CIFAR-10 layout; never reported as CIFAR-10.</summary>
    Synthetic,

    /// <summary>A reader's own photos, one subfolder per class, decoded and shrunk to 32x32; named by its folder.</summary>
    ImageFolder,
}
