using System.Text.Json.Serialization;

namespace DeepCnn.Data;

/// <summary>
/// What a data set is and where it came from. Every banner, title and summary line names the data by <see cref="Name"/>:
/// "CIFAR-10" only for data that verified as CIFAR-10; a copy in its layout or an image folder by its folder's name.
/// </summary>
/// <param name="Kind">CIFAR-10, a copy in its layout, synthetic data or an image folder.</param>
/// <param name="Location">The folder or archive that was read (for an image folder, the reader's folder itself).</param>
/// <param name="Label">The name of that folder (or archive, without <c>.tar.gz</c>): what a copy or an image folder is called.</param>
/// <param name="ClassNames">The classes as the data lists them, in label order.</param>
/// <param name="TrainCount">Training images as read, before any subset.</param>
/// <param name="TestCount">Test images as read, before any subset.</param>
/// <param name="Details">
/// What was checked or done, in words: how CIFAR-10 was verified, why a copy is not taken for CIFAR-10, or how an image
/// folder was split and shrunk.
/// </param>
/// <remarks>
/// Stored in checkpoints, run records and baseline results. <see cref="Kind"/>, <see cref="Label"/> and
/// <see cref="ClassNames"/> are required there: a record written before they existed is refused, never read as CIFAR-10.
/// </remarks>
public sealed record DataOrigin(
    [property: JsonRequired] DataOriginKind Kind,
    string Location,
    [property: JsonRequired] string Label,
    [property: JsonRequired] IReadOnlyList<string> ClassNames,
    int TrainCount,
    int TestCount,
    string Details)
{
    private const int NamesShown = 12;
    private const int SkippedShown = 5;

    /// <summary>Files of an image folder that were left out (not readable as images), with the reason for each.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>True only for data that verified as CIFAR-10 (see <see cref="DataOriginKind.Cifar10"/>).</summary>
    public bool IsCifar10 => Kind == DataOriginKind.Cifar10;

    /// <summary>True for generated stand-in data, which must never be reported as CIFAR-10.</summary>
    public bool IsSynthetic => Kind == DataOriginKind.Synthetic;

    /// <summary>Short name for titles, banners and summary lines.</summary>
    public string Name => Kind switch
    {
        DataOriginKind.Cifar10 => "CIFAR-10",
        DataOriginKind.Synthetic => "SYNTHETIC (not CIFAR-10)",
        DataOriginKind.CifarLayoutCopy => $"'{Label}' (CIFAR-10 layout, not verified as CIFAR-10)",
        _ => $"'{Label}' (image folder)",
    };

    /// <summary>One line naming the data, its classes and split sizes, what was checked, and where it was read from.</summary>
    public string Description => Kind switch
    {
        DataOriginKind.Cifar10 =>
            $"CIFAR-10, {Details}: {Sizes}, read from {Location}",
        DataOriginKind.Synthetic =>
            $"SYNTHETIC data in the CIFAR-10 layout (not CIFAR-10; accuracies say nothing about real images): {Sizes}, read from {Location}",
        DataOriginKind.CifarLayoutCopy =>
            $"'{Label}', a copy in the CIFAR-10 binary layout with {Sizes}, {Classes}; not verified as CIFAR-10: {Details}; read from {Location}",
        _ =>
            $"Image folder '{Label}': {Sizes}, {Classes}; {Details}{SkippedNote}; read from {Location}",
    };

    private string Sizes => $"{TrainCount:N0} train / {TestCount:N0} test images";

    private string Classes => $"{ClassNames.Count} classes ({string.Join(", ", ClassNames.Take(NamesShown))}" +
        (ClassNames.Count > NamesShown ? $", and {ClassNames.Count - NamesShown} more)" : ")");

    private string SkippedNote => Skipped.Count == 0
        ? ""
        : $"; {Skipped.Count} file{(Skipped.Count == 1 ? "" : "s")} skipped, not readable as images: " +
          string.Join(", ", Skipped.Take(SkippedShown).Select(s => s.Path)) + (Skipped.Count > SkippedShown ? ", ..." : "");

    /// <summary>
    /// True when <paramref name="other"/> names the same data set: both CIFAR-10 (wherever read from), or the same kind
    /// read from the same place with the same classes. Results on different data are not comparable.
    /// </summary>
    public bool IsSameDataAs(DataOrigin other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kind == other.Kind
            && (IsCifar10 || (string.Equals(Location, other.Location, StringComparison.Ordinal) && ClassNames.SequenceEqual(other.ClassNames)));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
