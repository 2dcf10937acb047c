using System.ComponentModel.DataAnnotations;
using DeepCnn.Configuration;

namespace DeepCnn.Data;

/// <summary>Which data a notebook uses and how much of it; every property can be overridden by an ALEXNET_* variable.</summary>
public sealed record DataOptions : IHasProfiles<DataOptions>
{
    /// <summary>Real CIFAR-10 or synthetic stand-in data (ALEXNET_DATA_SET).</summary>
    public DataSetKind DataSet { get; init; } = DataSetKind.Cifar10;

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

    /// <summary>
    /// Loads the chosen data, cut to the subsets: synthetic data is generated on first use; CIFAR-10 comes from
    /// <c>ALEXNET_CIFAR10_SOURCE</c> if set, else from the cache, else it is downloaded (with progress) and verified.
    /// </summary>
    /// <exception cref="InvalidOptionsException">A property is out of range (see <see cref="OptionsValidation"/>).</exception>
    public async Task<CifarDataSet> LoadAsync(IProgress<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        this.Validate();
        var data = DataSet == DataSetKind.Synthetic
            ? SyntheticCifar.Load(SyntheticFolder, SyntheticTrainCount, SyntheticTestCount, SyntheticSeed)
            : await Cifar10Source.LoadAsync(new Cifar10SourceOptions(CacheFolder), progress, cancellation).ConfigureAwait(false);
        return data.Subset(TrainSubset, TestSubset);
    }

    /// <summary>One line saying where the data will come from (touches neither disk nor network).</summary>
    public string Describe() => DataSet == DataSetKind.Synthetic
        ? $"SYNTHETIC stand-in data ({SyntheticTrainCount:N0} train / {SyntheticTestCount:N0} test images, generated into {Path.GetFullPath(SyntheticFolder)}); not CIFAR-10"
        : Cifar10Source.Resolve(new Cifar10SourceOptions(CacheFolder)).Describe();

    /// <inheritdoc />
    public DataOptions For(RunProfile profile) => profile switch
    {
        RunProfile.Quick => this with
        {
            // Quick runs keep their data, checkpoints and results apart, so they never replace a real run's.
            CacheFolder = Path.Combine(CacheFolder, "quick"),
            DataSet = DataSetKind.Synthetic,
            SyntheticTrainCount = 2_000,
            SyntheticTestCount = 500,
            TrainSubset = Math.Min(TrainSubset ?? int.MaxValue, 1_280),
            TestSubset = Math.Min(TestSubset ?? int.MaxValue, 500),
        },
        // A lesson's worth of the real data: about 15 minutes of training on a two-core laptop (notebook 05 says so).
        RunProfile.Class => this with
        {
            TrainSubset = Math.Min(TrainSubset ?? int.MaxValue, 10_000),
            TestSubset = Math.Min(TestSubset ?? int.MaxValue, 2_000),
        },
        _ => this,
    };
}
