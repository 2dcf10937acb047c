namespace DeepCnn.Data;

/// <summary>Where a data set came from; every output that shows results prints <see cref="Description"/>.</summary>
/// <param name="IsSynthetic">True for generated stand-in data, which must never be reported as CIFAR-10.</param>
/// <param name="Location">The folder or archive that was read.</param>
public sealed record DataOrigin(bool IsSynthetic, string Location)
{
    /// <summary>True for CIFAR-10 itself.</summary>
    public bool IsCifar10 => !IsSynthetic;

    /// <summary>Short label for summaries and plot titles.</summary>
    public string Name => IsSynthetic ? "SYNTHETIC (not CIFAR-10)" : "CIFAR-10";

    /// <summary>One line naming the data and where it was read from.</summary>
    public string Description => IsSynthetic
        ? $"SYNTHETIC data in the CIFAR-10 layout (not CIFAR-10; accuracies say nothing about real images), read from {Location}"
        : $"CIFAR-10, read from {Location}";

    /// <inheritdoc />
    public override string ToString() => Description;
}
