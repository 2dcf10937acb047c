namespace DeepCnn.Data;

/// <summary>The three places CIFAR-10 can come from.</summary>
public enum Cifar10SourceKind
{
    /// <summary>An http(s) URL (the official one or a mirror), downloaded into the cache and verified.</summary>
    Download,

    /// <summary>A local cifar-10-binary.tar.gz, verified and read without extracting it.</summary>
    Archive,

    /// <summary>An extracted folder (the one holding cifar-10-batches-bin/, or that folder itself), read as it is.</summary>
    Folder,
}
