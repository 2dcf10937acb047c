using System.ComponentModel.DataAnnotations;
using DeepCnn.Configuration;

namespace DeepCnn.Data;

/// <summary>Which data a notebook uses and how much of it; every property can be overridden by an ALEXNET_* variable.</summary>
public sealed record DataOptions : IHasProfiles<DataOptions>, IValidatableObject
{
    /// <summary>CIFAR-10 (or a copy in its layout), synthetic stand-in data, or a folder of your own images (ALEXNET_DATA_SET).</summary>
    public DataSetKind DataSet { get; init; } = DataSetKind.Cifar10;

    /// <summary>
    /// The folder of your own images when <see cref="DataSet"/> is <see cref="DataSetKind.ImageFolder"/>: one subfolder
    /// per class, or <c>train/</c> and <c>test/</c> holding them (ALEXNET_IMAGE_FOLDER). Use an absolute path: notebooks
    /// run in <c>notebooks/</c>.
    /// </summary>
    public string? ImageFolder { get; init; }

    /// <summary>
    /// The share of each class that an image folder without <c>train/</c> and <c>test/</c> keeps for testing
    /// (ALEXNET_IMAGE_FOLDER_TEST_FRACTION).
    /// </summary>
    [Range(0.05, 0.5)]
    public double ImageFolderTestFraction { get; init; } = 0.2;

    /// <summary>Seed of that split: with the file names it decides which images are kept for testing (ALEXNET_IMAGE_FOLDER_SEED).</summary>
    public int ImageFolderSeed { get; init; } = 1;

    /// <summary>Where downloads, generated data and checkpoints go; notebooks pass "../data" (ALEXNET_CACHE_FOLDER).</summary>
    [Required(ErrorMessage = "a folder path")]
    public string CacheFolder { get; init; } = "data";

    /// <summary>Use only the first N training images (null: all 50,000) for quicker runs (ALEXNET_TRAIN_SUBSET).</summary>
    [Range(1, int.MaxValue)]
    public int? TrainSubset { get; init; }

    /// <summary>Use only the first N test images (null: all 10,000) (ALEXNET_TEST_SUBSET).</summary>
    [Range(1, int.MaxValue)]
    public int? TestSubset { get; init; }

    /// <summary>Training images to generate when <see cref="DataSet"/> is synthetic (at least one per training batch file).</summary>
    [Range(5, CifarLayout.MaxImagesPerSplit)]
    public int SyntheticTrainCount { get; init; } = 10_000;

    /// <summary>Test images to generate when <see cref="DataSet"/> is synthetic.</summary>
    [Range(1, CifarLayout.MaxImagesPerSplit)]
    public int SyntheticTestCount { get; init; } = 2_000;

    /// <summary>Seed of the synthetic generator.</summary>
    public int SyntheticSeed { get; init; } = 1;

    /// <summary>A path inside the cache folder, e.g. <c>InCache("checkpoints", "alexnet.ckpt")</c>.</summary>
    public string InCache(params string[] parts) => Path.Combine([CacheFolder, .. parts]);

    /// <summary>The folder synthetic data is generated into.</summary>
    public string SyntheticFolder => Path.Combine(CacheFolder, "synthetic-cifar-10");

    /// <summary>The image folder's settings, when <see cref="DataSet"/> is <see cref="DataSetKind.ImageFolder"/>.</summary>
    public ImageFolderOptions ImageFolderSettings() => new(ImageFolder ?? "", CacheFolder)
    {
        TestFraction = ImageFolderTestFraction,
        Seed = ImageFolderSeed,
    };

    /// <summary>
    /// Loads the chosen data, cut to the subsets: synthetic data is generated on first use; CIFAR-10 comes from
    /// <c>ALEXNET_CIFAR10_SOURCE</c> if set, else from the cache, else it is downloaded (with progress) and verified; an
    /// image folder is decoded once (with progress) and read from the cache after that.
    /// </summary>
    /// <exception cref="InvalidOptionsException">A property is out of range (see <see cref="OptionsValidation"/>).</exception>
    public async Task<CifarDataSet> LoadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        this.Validate();
        var data = DataSet switch
        {
            DataSetKind.Synthetic => SyntheticCifar.Load(SyntheticFolder, SyntheticTrainCount, SyntheticTestCount, SyntheticSeed),
            DataSetKind.ImageFolder => await ImageFolderSource.LoadAsync(ImageFolderSettings(), progress, cancellation).ConfigureAwait(false),
            _ => await Cifar10Source.LoadAsync(new Cifar10SourceOptions(CacheFolder), progress, cancellation).ConfigureAwait(false),
        };
        return data.Subset(TrainSubset, TestSubset);
    }

    /// <summary>One line saying where the data will come from (touches neither disk nor network).</summary>
    public string Describe() => DataSet switch
    {
        DataSetKind.Synthetic =>
            $"SYNTHETIC stand-in data ({SyntheticTrainCount:N0} train / {SyntheticTestCount:N0} test images, generated into {Path.GetFullPath(SyntheticFolder)}); not CIFAR-10",
        DataSetKind.ImageFolder => ImageFolderSource.Describe(ImageFolderSettings()),
        _ => Cifar10Source.Resolve(new Cifar10SourceOptions(CacheFolder)).Describe(),
    };

    /// <summary>The rules between properties: an image folder data set needs its folder.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DataSet == DataSetKind.ImageFolder && string.IsNullOrWhiteSpace(ImageFolder))
        {
            yield return new ValidationResult(
                $"{nameof(DataSet)} is {nameof(DataSetKind.ImageFolder)} but no folder is given; set {nameof(ImageFolder)} = \"/absolute/path\" " +
                $"(or {EnvironmentOverrides.VariableFor(nameof(ImageFolder))}) to a folder with one subfolder per class.",
                [nameof(ImageFolder)]);
        }
    }

    /// <summary>
    /// The profiles' values. Quick: small subsets and a cache of its own; CIFAR-10 becomes synthetic data (a quick run
    /// must not download), an image folder is kept, because it is local and it is what the reader asked for. Class: a
    /// lesson's worth of the data. Variables set after the profile still win: <c>ALEXNET_DATA_SET=cifar10</c> with
    /// <c>ALEXNET_CIFAR10_SOURCE</c> runs a local copy quickly.
    /// </summary>
    public DataOptions For(RunProfile profile) => profile switch
    {
        RunProfile.Quick => this with
        {
            // Quick runs keep their data, checkpoints and results apart, so they never replace a real run's.
            CacheFolder = Path.Combine(CacheFolder, "quick"),
            DataSet = DataSet == DataSetKind.ImageFolder ? DataSetKind.ImageFolder : DataSetKind.Synthetic,
            SyntheticTrainCount = 2_000,
            SyntheticTestCount = 500,
            TrainSubset = Math.Min(TrainSubset ?? int.MaxValue, 768),
            TestSubset = Math.Min(TestSubset ?? int.MaxValue, 300),
        },
        // A lesson's worth of the real data: about ten minutes of training on two cores (README and notebook 05 give the measurement).
        RunProfile.Class => this with
        {
            TrainSubset = Math.Min(TrainSubset ?? int.MaxValue, 10_000),
            TestSubset = Math.Min(TestSubset ?? int.MaxValue, 2_000),
        },
        _ => this,
    };
}
