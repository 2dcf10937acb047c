using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

public sealed class SyntheticCifarTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Synthetic_data_is_written_in_the_cifar_layout_with_balanced_classes()
    {
        var folder = SyntheticCifar.Write(temp.Path, trainCount: 200, testCount: 50);
        foreach (var name in CifarLayout.TrainFiles.Append(CifarLayout.TestFile))
        {
            Assert.Equal(0, new FileInfo(Path.Combine(folder, name)).Length % CifarLayout.RecordBytes);
        }

        var data = CifarReader.ReadFolder(temp.Path);
        Assert.All(data.Train.ClassCounts(data.ClassCount), count => Assert.Equal(20, count));
        Assert.All(data.Test.ClassCounts(data.ClassCount), count => Assert.Equal(5, count));
    }

    [Fact]
    public void Synthetic_class_names_say_they_are_synthetic()
    {
        Assert.All(SyntheticCifar.ClassNames, name => Assert.StartsWith("synthetic", name));
        Assert.Equal(10, SyntheticCifar.ClassNames.Distinct().Count());
    }

    [Fact]
    public void Synthetic_data_loaded_through_the_helper_is_labelled_synthetic_everywhere()
    {
        var data = SyntheticCifar.Load(temp.Path, 50, 10);
        Assert.True(data.Origin.IsSynthetic);
        Assert.Contains("SYNTHETIC", data.Origin.Description);
        Assert.Contains("not CIFAR-10", data.ToString());
    }

    [Fact]
    public void Synthetic_records_are_the_same_for_the_same_seed_in_every_process()
    {
        // A fixed fingerprint, not just two calls in one process: HashCode-style per-process seeds would break it.
        var record = new byte[CifarLayout.RecordBytes];
        SyntheticCifar.DrawRecord(index: 12, seed: 1, record);
        var again = new byte[CifarLayout.RecordBytes];
        SyntheticCifar.DrawRecord(index: 12, seed: 1, again);
        Assert.Equal(record, again);
        Assert.Equal(2, record[0]);
        Assert.Equal(SyntheticFingerprint.Expected, SyntheticFingerprint.Of(record));
    }

    [Fact]
    public void Synthetic_test_images_are_not_copies_of_training_images()
    {
        var data = SyntheticCifar.Load(temp.Path, 100, 20);
        var train = Enumerable.Range(0, data.Train.Count).Select(i => Convert.ToBase64String(data.Train.Image(i))).ToHashSet();
        Assert.DoesNotContain(Enumerable.Range(0, data.Test.Count), i => train.Contains(Convert.ToBase64String(data.Test.Image(i))));
    }

    [Fact]
    public void Loading_again_reuses_the_files_and_regenerates_when_the_settings_change()
    {
        SyntheticCifar.Load(temp.Path, 50, 10);
        var batch = temp.Combine(CifarLayout.FolderName, CifarLayout.TestFile);
        var written = File.GetLastWriteTimeUtc(batch);
        SyntheticCifar.Load(temp.Path, 50, 10);
        Assert.Equal(written, File.GetLastWriteTimeUtc(batch));

        var bigger = SyntheticCifar.Load(temp.Path, 50, 20);
        Assert.Equal(20, bigger.Test.Count);
    }
}
