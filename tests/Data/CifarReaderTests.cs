using System.Formats.Tar;
using System.IO.Compression;
using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

public sealed class CifarReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Batches => temp.Combine(CifarLayout.FolderName);

    private string WriteSynthetic(int train = 25, int test = 7) => SyntheticCifar.Write(temp.Path, train, test);

    [Fact]
    public void Reader_reads_every_record_label_and_pixel_of_a_folder()
    {
        WriteSynthetic(train: 25, test: 7);
        var data = CifarReader.ReadFolder(temp.Path, isSynthetic: true);

        Assert.Equal(25, data.Train.Count);
        Assert.Equal(7, data.Test.Count);
        Assert.Equal(SyntheticCifar.ClassNames, data.ClassNames);
        Assert.True(data.Origin.IsSynthetic);
        // Record 3 of data_batch_1.bin, byte for byte.
        var file = File.ReadAllBytes(Path.Combine(Batches, "data_batch_1.bin"));
        var record = file.AsSpan(3 * CifarLayout.RecordBytes, CifarLayout.RecordBytes);
        Assert.Equal(record[0], data.Train.Labels[3]);
        Assert.True(record[1..].SequenceEqual(data.Train.Image(3)));
    }

    [Fact]
    public void Reader_accepts_the_batches_folder_itself_and_any_whole_number_of_records()
    {
        WriteSynthetic(train: 13, test: 3); // 13 over five files: 2, 2, 2, 2 and 5 records
        var data = CifarReader.Read(Batches);
        Assert.Equal(13, data.Train.Count);
        Assert.Equal(3, data.Test.Count);
    }

    [Fact]
    public void Reader_reads_the_same_data_from_the_archive_as_from_the_folder()
    {
        WriteSynthetic();
        var archive = CifarArchive.Write(temp.Path, temp.Combine("cifar-10-binary.tar.gz"));
        var fromFolder = CifarReader.ReadFolder(temp.Path);
        var fromArchive = CifarReader.Read(archive);
        Assert.Equal(fromFolder.Train.Labels, fromArchive.Train.Labels);
        Assert.Equal(fromFolder.Train.Pixels, fromArchive.Train.Pixels);
        Assert.Equal(fromFolder.Test.Pixels, fromArchive.Test.Pixels);
    }

    [Fact]
    public void Reader_rejects_a_truncated_record_naming_the_file_and_the_record()
    {
        WriteSynthetic(train: 25);
        var file = Path.Combine(Batches, "data_batch_2.bin");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^100]); // 5 records written, the fifth cut short

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(temp.Path));
        Assert.Contains("data_batch_2.bin", error.Message);
        Assert.Contains("record 4", error.Message);
        Assert.Contains("3,073", error.Message);
    }

    [Fact]
    public void Reader_rejects_a_label_outside_0_to_9_naming_the_file_the_record_and_the_value()
    {
        WriteSynthetic();
        var file = Path.Combine(Batches, "test_batch.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[2 * CifarLayout.RecordBytes] = 12;
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(temp.Path));
        Assert.Contains("test_batch.bin", error.Message);
        Assert.Contains("record 2", error.Message);
        Assert.Contains("label 12", error.Message);
        Assert.Contains("0..9", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(12)]
    public void Reader_reads_a_copy_with_any_number_of_classes_from_its_meta_file(int classes)
    {
        var names = Enumerable.Range(0, classes).Select(c => $"class {c}").ToList();
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", names, [.. Enumerable.Repeat(4, classes)], [.. Enumerable.Repeat(2, classes)]);

        var data = CifarReader.ReadFolder(folder);

        Assert.Equal(names, data.ClassNames);
        Assert.Equal(classes, data.ClassCount);
        Assert.All(data.Train.ClassCounts(classes), count => Assert.Equal(4, count));
        Assert.All(data.Test.ClassCounts(classes), count => Assert.Equal(2, count));
    }

    [Fact]
    public void Reader_rejects_a_label_beyond_the_classes_the_meta_file_lists_naming_the_file_the_value_and_the_classes()
    {
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", ["owl", "cat", "fox"], [5, 5, 5], [2, 2, 2]);
        var file = Path.Combine(folder, CifarLayout.FolderName, "data_batch_3.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[0] = 3;
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(folder));

        Assert.Equal(file, error.File);
        Assert.Contains("record 0", error.Message);
        Assert.Contains("label 3; expected 0..2, one of the 3 classes that batches.meta.txt lists", error.Message);
    }

    [Fact]
    public void Reader_reports_a_missing_batch_file_by_name()
    {
        WriteSynthetic();
        File.Delete(Path.Combine(Batches, "data_batch_4.bin"));
        var error = Assert.Throws<FileNotFoundException>(() => CifarReader.ReadFolder(temp.Path));
        Assert.Contains("data_batch_4.bin", error.Message);
        Assert.Contains(Batches, error.Message);
    }

    [Fact]
    public void Reader_reports_a_path_that_is_neither_folder_nor_archive()
    {
        var missing = temp.Combine("nowhere");
        var error = Assert.Throws<FileNotFoundException>(() => CifarReader.Read(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("tar.gz", error.Message);
    }

    [Fact]
    public void Reader_rejects_a_meta_file_with_fewer_than_two_class_names()
    {
        WriteSynthetic();
        File.WriteAllText(Path.Combine(Batches, CifarLayout.MetaFile), "cat\n\n");
        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(temp.Path));
        Assert.Contains("batches.meta.txt", error.Message);
        Assert.Contains("has 1 class name; expected 2 to 256", error.Message);
    }

    [Fact]
    public void Reader_rejects_a_class_name_listed_twice()
    {
        WriteSynthetic();
        File.WriteAllText(Path.Combine(Batches, CifarLayout.MetaFile), string.Join('\n', SyntheticCifar.ClassNames.Take(9).Append("synthetic disc")));
        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(temp.Path));
        Assert.Contains("batches.meta.txt", error.Message);
        Assert.Contains("lists the class 'synthetic disc' 2 times", error.Message);
    }

    [Fact]
    public void Reader_rejects_an_archive_without_the_expected_members_and_lists_what_it_found()
    {
        var archive = temp.Combine("wrong.tar.gz");
        using (var file = File.Create(archive))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "cifar-10-batches-py/data_batch_1") { DataStream = new MemoryStream([1, 2, 3]) };
            tar.WriteEntry(entry);
        }

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.Read(archive));
        Assert.Contains("wrong.tar.gz", error.Message);
        Assert.Contains("cifar-10-batches-bin/test_batch.bin", error.Message);
        Assert.Contains("cifar-10-batches-py/data_batch_1", error.Message);
    }

    [Fact]
    public void Reader_rejects_a_file_that_is_not_gzip()
    {
        var archive = temp.Combine("not-an-archive.tar.gz");
        File.WriteAllText(archive, "<html>404 Not Found</html>");
        var error = Assert.Throws<CifarFormatException>(() => CifarReader.Read(archive));
        Assert.Contains("not-an-archive.tar.gz", error.Message);
        Assert.Contains("not gzip data", error.Message);
    }

    [Theory]
    [InlineData("data_batch_3.bin")]
    [InlineData("test_batch.bin")]
    public void Reader_rejects_an_empty_batch_file_naming_it(string name)
    {
        WriteSynthetic();
        File.WriteAllBytes(Path.Combine(Batches, name), []);

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.ReadFolder(temp.Path));

        Assert.Equal(Path.Combine(Batches, name), error.File);
        Assert.Contains("is empty", error.Message);
    }

    [Theory]
    [InlineData("data_batch_5.bin")]
    [InlineData("test_batch.bin")]
    public void Reader_rejects_an_empty_member_of_an_archive_naming_it(string name)
    {
        WriteSynthetic();
        File.WriteAllBytes(Path.Combine(Batches, name), []);
        var archive = CifarArchive.Write(temp.Path, temp.Combine("cifar-10-binary.tar.gz"));

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.Read(archive));

        Assert.Equal($"{archive}!{CifarLayout.FolderName}/{name}", error.File);
        Assert.Contains("is empty", error.Message);
    }

    [Theory]
    [InlineData(8)] // the CRC-32
    [InlineData(4)] // the length
    public void Reader_checks_the_gzip_trailer_of_an_archive(int fromEnd)
    {
        WriteSynthetic();
        var archive = CifarArchive.Write(temp.Path, temp.Combine("cifar-10-binary.tar.gz"));
        var bytes = File.ReadAllBytes(archive);
        bytes[^fromEnd] ^= 0x01;
        File.WriteAllBytes(archive, bytes);

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.Read(archive));

        Assert.Equal(archive, error.File);
        Assert.Contains("damaged", error.Message);
        Assert.Contains("CRC-32", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(5000)]
    public void Reader_rejects_an_archive_cut_short(int missingBytes)
    {
        WriteSynthetic();
        var archive = CifarArchive.Write(temp.Path, temp.Combine("cifar-10-binary.tar.gz"));
        File.WriteAllBytes(archive, File.ReadAllBytes(archive)[..^missingBytes]);

        var error = Assert.Throws<CifarFormatException>(() => CifarReader.Read(archive));
        Assert.Equal(archive, error.File);
        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public void Reader_never_returns_different_pixels_from_a_damaged_archive()
    {
        WriteSynthetic(train: 60, test: 20);
        var archive = CifarArchive.Write(temp.Path, temp.Combine("cifar-10-binary.tar.gz"));
        var original = CifarReader.Read(archive);
        var bytes = File.ReadAllBytes(archive);
        var damaged = temp.Combine("damaged.tar.gz");

        // 40 single-byte flips spread over the file: header, deflate data and trailer alike.
        var silent = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var position = (int)((long)i * (bytes.Length - 1) / 39);
            var copy = (byte[])bytes.Clone();
            copy[position] ^= 0x10;
            File.WriteAllBytes(damaged, copy);
            try
            {
                var data = CifarReader.Read(damaged);
                if (!data.Train.Pixels.AsSpan().SequenceEqual(original.Train.Pixels) || !data.Train.Labels.AsSpan().SequenceEqual(original.Train.Labels)
                    || !data.Test.Pixels.AsSpan().SequenceEqual(original.Test.Pixels) || !data.Test.Labels.AsSpan().SequenceEqual(original.Test.Labels)
                    || !data.ClassNames.SequenceEqual(original.ClassNames))
                {
                    silent.Add(position);
                }
            }
            catch (CifarFormatException)
            {
                // Refused: what a damaged archive should get.
            }
        }

        Assert.True(silent.Count == 0, $"flips at byte(s) {string.Join(", ", silent)} of {bytes.Length} loaded different data without an error");
    }
}
