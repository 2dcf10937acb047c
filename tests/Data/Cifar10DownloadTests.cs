using System.Globalization;
using System.Net;
using DeepCnn.Data;
using DeepCnn.IO;

namespace DeepCnn.Tests.Data;

public sealed class Cifar10DownloadTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly List<string> reports = [];

    private string Cache => temp.Combine("cache");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Download_fetches_the_archive_verifies_it_and_moves_it_into_the_cache()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal(Path.Combine(Path.GetFullPath(Cache), "cifar-10-binary.tar.gz"), path);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(options.PartialPath));
        var request = Assert.Single(server.Requests);
        Assert.Null(request.Range);
        var data = CifarReader.ReadArchive(path);
        Assert.Equal(archive.TrainCount, data.Train.Count);
        Assert.Equal(archive.TestCount, data.Test.Count);
    }

    [Fact]
    public async Task Download_resumes_a_partial_file_with_a_range_request()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        var kept = archive.Bytes.Length / 3;
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, archive.Bytes[..kept]);

        var path = await Cifar10Download.EnsureAsync(options);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"bytes={kept}-", request.Range);
        Assert.Equal(archive.Bytes.Length - kept, server.BodyBytesSent);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(options.PartialPath));
    }

    [Fact]
    public async Task Download_starts_over_when_the_server_ignores_the_range()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(HonourRange: false));
        var options = Options(server, archive);
        // Bytes that do not belong to the file: appending the 200 answer after them would fail verification.
        var junk = Enumerable.Repeat((byte)0xAB, archive.Bytes.Length / 2).ToArray();
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, junk);

        var path = await Cifar10Download.EnsureAsync(options);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"bytes={junk.Length}-", request.Range);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Download_with_a_wrong_checksum_names_the_url_and_both_values_and_keeps_nothing()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var expected = new FileChecksum(archive.Checksum.Length, new string('0', 64));
        var options = Options(server, archive) with { Expected = expected };

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains(server.Url.ToString(), error.Message);
        Assert.Contains(expected.Sha256, error.Message);
        Assert.Contains(archive.Checksum.Sha256, error.Message);
        Assert.False(File.Exists(options.ArchivePath));
        Assert.False(File.Exists(options.PartialPath));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Download_reports_an_http_error_with_the_url_and_status_and_caches_nothing(HttpStatusCode status)
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(Status: status));

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(Options(server, archive)));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(server.Url, error.Url);
        Assert.Contains(server.Url.ToString(), error.Message);
        Assert.Contains(((int)status).ToString(CultureInfo.InvariantCulture), error.Message);
        Assert.Single(server.Requests);
        AssertCacheHoldsNothingButTheLock();
    }

    [Fact]
    public async Task Download_resumes_after_the_connection_drops_mid_file()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var half = archive.Bytes.Length / 2;
        await using var server = new LocalHttpServer(archive.Bytes,
            index => index == 0 ? new LocalHttpServer.Behaviour(DropAfter: half) : LocalHttpServer.Behaviour.Normal);
        var options = Options(server, archive);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal([null, $"bytes={half}-"], server.Requests.Select(r => r.Range));
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(options.PartialPath));
    }

    [Fact]
    public async Task Download_that_keeps_dropping_gives_up_after_the_retries_with_nothing_under_the_final_name()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(DropAfter: 1000));
        var options = Options(server, archive) with { MaxRetries = 2 };

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains("after 3 attempt", error.Message);
        Assert.Contains(server.Url.ToString(), error.Message);
        Assert.Equal([null, "bytes=1000-", "bytes=2000-"], server.Requests.Select(r => r.Range));
        Assert.False(File.Exists(options.ArchivePath));
        // What did arrive stays in the partial file, for the next run to resume.
        Assert.Equal(3000, new FileInfo(options.PartialPath).Length);
    }

    [Fact]
    public async Task Download_reports_progress_that_grows_and_ends_at_the_total()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var progress = new RecordingProgress();

        await Cifar10Download.EnsureAsync(Options(server, archive) with { ProgressInterval = TimeSpan.Zero }, progress);

        var reports = progress.Reports;
        Assert.True(reports.Count > 1, $"{reports.Count} report(s)");
        Assert.All(reports, r => Assert.Equal(archive.Bytes.Length, r.TotalBytes));
        Assert.All(reports, r => Assert.True(r.BytesPerSecond >= 0));
        Assert.Equal(reports.Select(r => r.BytesReceived).Order(), reports.Select(r => r.BytesReceived));
        Assert.Equal(archive.Bytes.Length, reports[^1].BytesReceived);
        Assert.True(reports[^1].IsComplete);
    }

    [Fact]
    public async Task Download_can_be_cancelled_while_waiting_and_keeps_the_partial_file_for_later()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var half = archive.Bytes.Length / 2;
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(StallAfter: half));
        using var cancel = new CancellationTokenSource();
        // Cancels once every byte before the stall has arrived, while the download waits for more.
        var progress = new RecordingProgress(p =>
        {
            if (p.BytesReceived >= half)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        });
        var options = Options(server, archive) with { StallTimeout = TimeSpan.FromSeconds(30), ProgressInterval = TimeSpan.Zero };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Cifar10Download.EnsureAsync(options, progress, cancel.Token));

        Assert.Single(server.Requests);
        Assert.False(File.Exists(options.ArchivePath));
        Assert.Equal(half, new FileInfo(options.PartialPath).Length);
    }

    [Fact]
    public async Task Download_is_skipped_when_a_verified_archive_is_in_the_cache()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        await Cifar10Download.EnsureAsync(options);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Single(server.Requests);
        Assert.True(File.Exists(options.StampPath));
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Download_moves_aside_a_cached_file_that_does_not_verify_and_says_so()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        await Cifar10Download.EnsureAsync(options);
        // Same length, other bytes, an older time stamp: as a hand copy of the wrong file that kept its date would look.
        var handCopy = Enumerable.Repeat((byte)7, archive.Bytes.Length).ToArray();
        await File.WriteAllBytesAsync(options.ArchivePath, handCopy);
        File.SetLastWriteTimeUtc(options.ArchivePath, DateTime.UtcNow.AddHours(-1));

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        var aside = Assert.Single(Directory.GetFiles(Cache, "*.not-verified-*"));
        Assert.Equal(handCopy, await File.ReadAllBytesAsync(aside));
        var note = Assert.Single(reports, r => r.Contains("moved aside", StringComparison.Ordinal));
        Assert.Contains(options.ArchivePath, note);
        Assert.Contains(aside, note);
    }

    [Fact]
    public async Task Download_without_network_keeps_a_hand_copied_file_and_says_where_it_went()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var options = Options(archive, new Uri($"http://127.0.0.1:{LoopbackPort.Closed()}/cifar-10-binary.tar.gz"));
        Directory.CreateDirectory(Cache);
        var handCopy = archive.Bytes[..^10];
        await File.WriteAllBytesAsync(options.ArchivePath, handCopy);

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains("No network", error.Message);
        var aside = Assert.Single(Directory.GetFiles(Cache, "*.not-verified-*"));
        Assert.Contains(aside, error.Message);
        Assert.Equal(handCopy, await File.ReadAllBytesAsync(aside));
    }

    [Fact]
    public async Task Download_names_a_redirect_loop_as_one()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes,
            index => new LocalHttpServer.Behaviour(RedirectTo: index % 2 == 0 ? "/b/cifar-10-binary.tar.gz" : "/a/cifar-10-binary.tar.gz"));
        var options = Options(server, archive);

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains("redirects in a loop", error.Message);
        Assert.Contains("/a/cifar-10-binary.tar.gz", error.Message);
        Assert.Contains("/b/cifar-10-binary.tar.gz", error.Message);
        Assert.Equal(3, server.Requests.Count);
        AssertCacheHoldsNothingButTheLock();
    }

    [Fact]
    public async Task Download_follows_a_redirect_and_resumes_through_it()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes,
            index => index == 0 ? new LocalHttpServer.Behaviour(RedirectTo: "/mirror/cifar-10-binary.tar.gz") : LocalHttpServer.Behaviour.Normal);
        var options = Options(server, archive);
        var kept = archive.Bytes.Length / 4;
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, archive.Bytes[..kept]);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal([$"bytes={kept}-", $"bytes={kept}-"], server.Requests.Select(r => r.Range));
        Assert.Contains("/mirror/", server.Requests[1].RequestLine);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Please log in</body></html>", "text/html; charset=utf-8", "web page")]
    [InlineData("Access denied by proxy policy.", "application/octet-stream", "not a .tar.gz archive (it starts with \"Access denied")]
    public async Task Download_keeps_no_answer_that_is_not_the_archive_as_a_partial_file(string page, string type, string expected)
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(Page: page, PageType: type));
        var options = Options(server, archive);

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains(expected, error.Message);
        Assert.Contains("Nothing of it was kept", error.Message);
        Assert.Single(server.Requests);
        AssertCacheHoldsNothingButTheLock();
    }

    [Fact]
    public async Task Download_answered_by_a_web_page_leaves_the_bytes_kept_earlier_alone()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(Page: "<html>proxy</html>"));
        var options = Options(server, archive);
        var kept = archive.Bytes[..(archive.Bytes.Length / 2)];
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, kept);

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains($"the {kept.Length:N0} bytes already in {options.PartialPath} are kept", error.Message);
        Assert.Equal(kept, await File.ReadAllBytesAsync(options.PartialPath));
    }

    [Fact]
    public async Task Download_starts_afresh_when_the_partial_file_kept_from_an_earlier_run_belongs_to_another_file()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var other = await TestArchive.CreateAsync(temp.Combine("other"), trainCount: 60, testCount: 15);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        var stale = other.Bytes[..(archive.Bytes.Length / 2)];
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, stale);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal([$"bytes={stale.Length}-", null], server.Requests.Select(r => r.Range));
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        var note = Assert.Single(reports, r => r.Contains("earlier run did not belong", StringComparison.Ordinal));
        Assert.Contains(options.PartialPath, note);
    }

    [Fact]
    public async Task Download_deletes_a_partial_file_longer_than_the_archive_and_says_why()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        Directory.CreateDirectory(Cache);
        await File.WriteAllBytesAsync(options.PartialPath, new byte[archive.Bytes.Length + 1]);

        var path = await Cifar10Download.EnsureAsync(options);

        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(path));
        Assert.Contains(reports, r => r.Contains($"Deleted the partial download {options.PartialPath}", StringComparison.Ordinal)
            && r.Contains("more than the archive's", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_waits_for_another_download_into_the_same_cache_and_then_uses_its_archive()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        // The first download stalls half-way for a second, then resumes and finishes.
        await using var server = new LocalHttpServer(archive.Bytes,
            index => index == 0 ? new LocalHttpServer.Behaviour(StallAfter: archive.Bytes.Length / 2) : LocalHttpServer.Behaviour.Normal);
        var options = Options(server, archive) with { StallTimeout = TimeSpan.FromSeconds(1) };
        var first = Cifar10Download.EnsureAsync(options);
        await WaitUntil(() => server.Requests.Count > 0);

        var second = await Cifar10Download.EnsureAsync(options);

        Assert.Equal(await first, second);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(archive.Bytes, await File.ReadAllBytesAsync(second));
        Assert.Contains(reports, r => r.Contains("Another download into", StringComparison.Ordinal) && r.Contains("waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_gives_up_waiting_for_another_download_with_an_error_that_says_so()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes, _ => new LocalHttpServer.Behaviour(StallAfter: archive.Bytes.Length / 2));
        var options = Options(server, archive) with { StallTimeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource();
        var first = Cifar10Download.EnsureAsync(options, ct: cancel.Token);
        await WaitUntil(() => server.Requests.Count > 0);

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() =>
            Cifar10Download.EnsureAsync(options with { WaitForOtherDownload = TimeSpan.FromMilliseconds(300) }));

        Assert.Contains("Another download into", error.Message);
        Assert.Contains(options.LockPath, error.Message);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task Download_deletes_temporary_files_an_interrupted_run_left_and_nothing_else()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        await using var server = new LocalHttpServer(archive.Bytes);
        var options = Options(server, archive);
        Directory.CreateDirectory(Cache);
        var left = new[] { AtomicFile.TemporaryPathFor(options.StampPath), $"{options.ArchivePath}.{Guid.NewGuid():N}.tmp" };
        var mine = Path.Combine(Cache, "notes.tmp");
        foreach (var file in left.Append(mine))
        {
            await File.WriteAllTextAsync(file, "left over");
        }

        await Cifar10Download.EnsureAsync(options);

        Assert.All(left, file => Assert.False(File.Exists(file), file));
        Assert.True(File.Exists(mine));
        Assert.Contains(reports, r => r.Contains("Deleted 2 temporary file(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_without_network_says_how_to_use_a_local_copy()
    {
        var archive = await TestArchive.CreateAsync(temp.Path);
        var options = Options(archive, new Uri($"http://127.0.0.1:{LoopbackPort.Closed()}/cifar-10-binary.tar.gz"));

        var error = await Assert.ThrowsAsync<CifarDownloadException>(() => Cifar10Download.EnsureAsync(options));

        Assert.Contains("No network", error.Message);
        Assert.Contains("ALEXNET_CIFAR10_SOURCE", error.Message);
        Assert.Contains("synthetic", error.Message);
        Assert.Contains(options.Url.ToString(), error.Message);
        Assert.False(File.Exists(options.ArchivePath));
    }

    private Cifar10DownloadOptions Options(LocalHttpServer server, TestArchive archive) => Options(archive, server.Url);

    private Cifar10DownloadOptions Options(TestArchive archive, Uri url) => new(Cache)
    {
        Url = url,
        Expected = archive.Checksum,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        StallTimeout = TimeSpan.FromSeconds(10),
        Report = message =>
        {
            lock (reports)
            {
                reports.Add(message);
            }
        },
    };

    /// <summary>After a failed download the cache holds no archive, partial file or stamp: only the (empty) lock file.</summary>
    private void AssertCacheHoldsNothingButTheLock() =>
        Assert.All(Directory.Exists(Cache) ? Directory.GetFileSystemEntries(Cache) : [], entry => Assert.EndsWith(".lock", entry, StringComparison.Ordinal));

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
