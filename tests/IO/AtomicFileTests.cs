using DeepCnn.IO;

namespace DeepCnn.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_failed_write_leaves_the_old_file_whole_and_no_temporary_file_behind()
    {
        var path = temp.Combine("result.json");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_write_creates_missing_folders_and_replaces_the_file()
    {
        var path = temp.Combine("deep", "er", "file.txt");
        AtomicFile.WriteAllText(path, "one");
        AtomicFile.WriteAllText(path, "two");
        Assert.Equal("two", File.ReadAllText(path));
    }
}
