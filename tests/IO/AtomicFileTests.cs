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

    [Fact]
    public void The_temporary_file_is_named_for_its_target_and_says_it_is_being_written()
    {
        var path = temp.Combine("alexnet.ckpt");
        string? seen = null;
        AtomicFile.Write(path, _ => seen = Directory.GetFiles(temp.Path).Single());

        Assert.Matches(@"alexnet\.ckpt\.writing-[0-9a-f]{32}\.tmp$", seen);
    }

    [Fact]
    public void A_write_deletes_what_a_killed_writer_of_the_same_file_left_behind()
    {
        var path = temp.Combine("alexnet.ckpt");
        // As a process killed mid-write leaves them: this version's name, and the name earlier versions used.
        var left = AtomicFile.TemporaryPathFor(path);
        var older = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(left, "half a checkpoint");
        File.WriteAllText(older, "half a checkpoint");

        AtomicFile.WriteAllText(path, "whole");

        Assert.Equal([path], Directory.GetFiles(temp.Path));
        Assert.Equal("whole", File.ReadAllText(path));
    }

    [Fact]
    public void Cleaning_leaves_other_files_and_a_temporary_file_still_being_written()
    {
        var path = temp.Combine("alexnet.ckpt");
        var others = new[]
        {
            temp.Combine("alexnet.ckpt.notes.tmp"),                                   // not a name this class makes
            AtomicFile.TemporaryPathFor(temp.Combine("other.ckpt")),                  // another target's
            temp.Combine("alexnet.ckpt.partial"),
        };
        foreach (var other in others)
        {
            File.WriteAllText(other, "keep");
        }

        var live = AtomicFile.TemporaryPathFor(path);
        using (var writer = new FileStream(live, FileMode.CreateNew, FileAccess.Write))
        {
            Assert.Empty(AtomicFile.DeleteStaleTemporaryFiles(path));
        }

        Assert.All(others, other => Assert.True(File.Exists(other), other));
        Assert.True(File.Exists(live));
        Assert.Equal([live], AtomicFile.DeleteStaleTemporaryFiles(path));
    }

    [Fact]
    public void A_link_shares_the_bytes_and_keeps_the_old_content_when_the_original_is_replaced()
    {
        var last = temp.Combine("last.ckpt");
        var best = temp.Combine("best.ckpt");
        AtomicFile.WriteAllText(last, "epoch 1");
        AtomicFile.WriteAllText(best, "epoch 0");

        AtomicFile.Link(last, best);
        Assert.Equal("epoch 1", File.ReadAllText(best));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("2", LinkCount(best)); // one file with two names, not a copy
        }

        AtomicFile.WriteAllText(last, "epoch 2");
        Assert.Equal("epoch 1", File.ReadAllText(best));
        Assert.Equal([best, last], Directory.GetFiles(temp.Path).Order());
    }

    private static string LinkCount(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%h", path])
        {
            RedirectStandardOutput = true,
        })!;
        var output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
    }
}
