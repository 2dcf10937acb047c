using System.Diagnostics;
using System.Globalization;
using System.Net;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>
/// Fetches the CIFAR-10 archive into the cache. Bytes collect in a <c>.partial</c> file that the next attempt (or the next
/// run) resumes with an HTTP range request; a dropped or stalled connection is retried a few times; the file moves under
/// its final name only once its length and checksums match, so nothing unverified ever sits there.
/// </summary>
public static class Cifar10Download
{
    private const int BufferBytes = 1 << 16;

    private static readonly HttpClient Client = CreateClient();

    /// <summary>Returns the full path of the verified archive in the cache, downloading it first unless a verified copy is already there.</summary>
    /// <exception cref="CifarDownloadException">The server answered with an error, could not be reached, kept dropping the connection, or sent a different file.</exception>
    public static async Task<string> EnsureAsync(Cifar10DownloadOptions options, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ct.ThrowIfCancellationRequested();
        if (await IsCachedAsync(options, ct))
        {
            return options.ArchivePath;
        }

        await new Transfer(options, progress, ct).RunAsync();
        var actual = await FileChecksum.ComputeAsync(options.PartialPath, ct);
        if (!options.Expected.IsMatchedBy(actual))
        {
            File.Delete(options.PartialPath);
            throw new CifarDownloadException(options.Url,
                $"{options.Url} sent a file that is not the expected archive: expected {options.Expected}; got {actual}. " +
                "The download was deleted. Check that the URL serves cifar-10-binary.tar.gz (a mirror must serve the very same file) and run again.");
        }

        File.Move(options.PartialPath, options.ArchivePath, overwrite: true);
        WriteStamp(options, actual);
        return options.ArchivePath;
    }

    /// <summary>True when the cache holds the expected file. A file there that is not is deleted, so it gets downloaded afresh.</summary>
    private static async Task<bool> IsCachedAsync(Cifar10DownloadOptions options, CancellationToken ct)
    {
        var archive = new FileInfo(options.ArchivePath);
        if (!archive.Exists)
        {
            return false;
        }

        if (ReadStamp(options, archive) is { } stamped && options.Expected.IsMatchedBy(stamped))
        {
            return true;
        }

        var actual = archive.Length == options.Expected.Length ? await FileChecksum.ComputeAsync(archive.FullName, ct) : null;
        if (actual is not null && options.Expected.IsMatchedBy(actual))
        {
            WriteStamp(options, actual);
            return true;
        }

        // Only verified downloads are moved here, so this file was copied in by hand or changed since: replace it.
        File.Delete(options.StampPath);
        File.Delete(archive.FullName);
        return false;
    }

    /// <summary>The checksum recorded for the archive, if the record still describes the file now there (same length and time stamp).</summary>
    private static FileChecksum? ReadStamp(Cifar10DownloadOptions options, FileInfo archive)
    {
        try
        {
            var fields = File.ReadAllText(options.StampPath)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(field => field.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1]);
            var current = fields["length"] == archive.Length.ToString(CultureInfo.InvariantCulture)
                && fields["modified"] == archive.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture);
            return current ? new FileChecksum(archive.Length, fields["sha256"], fields.GetValueOrDefault("md5")) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyNotFoundException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteStamp(Cifar10DownloadOptions options, FileChecksum actual)
    {
        var archive = new FileInfo(options.ArchivePath);
        AtomicFile.WriteAllText(options.StampPath, string.Create(CultureInfo.InvariantCulture,
            $"sha256={actual.Sha256} md5={actual.Md5} length={archive.Length} modified={archive.LastWriteTimeUtc.Ticks}\n"));
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            // The archive is gzip already: take the bytes as stored, so lengths, ranges and checksums all refer to the file itself.
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // No overall timeout: 170 MB may take many minutes. StallTimeout guards each wait instead.
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("DeepCnn-AlexNet-notebooks/1.0");
        return client;
    }

    /// <summary>One download into the partial file, over as many attempts as the options allow.</summary>
    private sealed class Transfer(Cifar10DownloadOptions options, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        private readonly Uri url = options.Url;
        private readonly string partial = options.PartialPath;
        private bool reachedServer;

        public async Task RunAsync()
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await AttemptAsync();
                    return;
                }
                catch (DroppedConnectionException) when (attempt < options.MaxRetries)
                {
                    await Task.Delay(options.RetryDelay * (attempt + 1), ct);
                }
                catch (DroppedConnectionException e)
                {
                    var kept = File.Exists(partial) ? new FileInfo(partial).Length : 0;
                    throw new CifarDownloadException(url,
                        $"Downloading {url} failed after {attempt + 1} attempt(s): {e.Message}. " +
                        $"{kept:N0} of {options.Expected.Length:N0} bytes are kept in {partial}; run again to resume.",
                        innerException: e.InnerException);
                }
            }
        }

        private async Task AttemptAsync()
        {
            var expectedLength = options.Expected.Length;
            var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            if (offset > expectedLength)
            {
                // Longer than the file can be: not a piece of it.
                File.Delete(partial);
                offset = 0;
            }

            if (offset == expectedLength)
            {
                // Every byte arrived in an earlier run; verification decides whether they are the right ones.
                progress?.Report(new DownloadProgress(offset, expectedLength, 0));
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (offset > 0)
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, null);
            }

            using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stall.CancelAfter(options.StallTimeout);
            using var response = await SendAsync(request, stall.Token);
            reachedServer = true;
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The partial file does not fit the file on the server (it changed, or the bytes came from elsewhere).
                File.Delete(partial);
                throw new DroppedConnectionException($"the server refused to resume at byte {offset:N0}, so the partial file was dropped to start afresh");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CifarDownloadException(url,
                    $"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Check the URL, or set " +
                    $"{Cifar10Source.EnvironmentVariable} to a mirror URL or a local copy (archive or extracted folder).",
                    response.StatusCode);
            }

            // A 200 answer carries the whole file: the server ignored the range, so the partial file starts over.
            var isPartial = response.StatusCode == HttpStatusCode.PartialContent;
            var range = response.Content.Headers.ContentRange;
            var start = isPartial ? range?.From ?? -1 : 0;
            if (start < 0 || start > offset)
            {
                throw new CifarDownloadException(url,
                    $"{url} answered with bytes from {start:N0} (Content-Range '{range}') when asked for bytes from {offset:N0}; the server's range support is broken. Delete {partial} and try a mirror.");
            }

            var announced = isPartial ? range?.Length : response.Content.Headers.ContentLength;
            if (announced is { } length && length != expectedLength)
            {
                File.Delete(partial);
                throw new CifarDownloadException(url,
                    $"{url} serves a file of {length:N0} bytes; expected {options.Expected}. Check that the URL serves cifar-10-binary.tar.gz.");
            }

            await CopyBodyAsync(response, start, expectedLength, stall);
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken stallToken)
        {
            try
            {
                return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stallToken);
            }
            catch (HttpRequestException e) when (!reachedServer && e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
            {
                throw new CifarDownloadException(url,
                    $"No network, or {url.Host} is down: cannot reach {url} ({e.Message}). Set {Cifar10Source.EnvironmentVariable} to a local copy " +
                    "(the cifar-10-binary.tar.gz archive or its extracted folder) or a mirror URL, or run the quick profile with synthetic data.",
                    innerException: e);
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.SecureConnectionError)
            {
                throw new CifarDownloadException(url,
                    $"Cannot open a secure connection to {url.Host} ({e.Message}); a proxy or firewall may be in the way. " +
                    $"Set {Cifar10Source.EnvironmentVariable} to a local copy or a mirror URL.",
                    innerException: e);
            }
            catch (HttpRequestException e)
            {
                throw new DroppedConnectionException($"the request failed ({e.Message})", e);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new DroppedConnectionException($"no answer within {options.StallTimeout.TotalSeconds:N0} s");
            }
        }

        private async Task CopyBodyAsync(HttpResponseMessage response, long start, long total, CancellationTokenSource stall)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
            await using var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
            file.SetLength(start);
            file.Position = start;
            await using var body = await response.Content.ReadAsStreamAsync(ct);

            var buffer = new byte[BufferBytes];
            var clock = Stopwatch.StartNew();
            TimeSpan? lastReport = null;
            long position = start, reported = -1;
            void Report()
            {
                var seconds = clock.Elapsed.TotalSeconds;
                progress?.Report(new DownloadProgress(position, total, seconds > 0 ? (position - start) / seconds : 0));
                (lastReport, reported) = (clock.Elapsed, position);
            }

            while (true)
            {
                stall.CancelAfter(options.StallTimeout);
                int read;
                try
                {
                    read = await body.ReadAsync(buffer, stall.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new DroppedConnectionException($"nothing arrived for {options.StallTimeout.TotalSeconds:N0} s after byte {position:N0} of {total:N0}");
                }
                catch (IOException e) when (!ct.IsCancellationRequested)
                {
                    throw new DroppedConnectionException($"the connection dropped after byte {position:N0} of {total:N0} ({e.Message})", e);
                }

                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                position += read;
                if (lastReport is null || clock.Elapsed - lastReport >= options.ProgressInterval)
                {
                    Report();
                }
            }

            if (position < total)
            {
                throw new DroppedConnectionException($"the connection closed after byte {position:N0} of {total:N0}");
            }

            if (reported != position)
            {
                Report();
            }
        }
    }

    /// <summary>A failure worth another attempt: the connection dropped, stalled or was refused after the server had answered once.</summary>
    private sealed class DroppedConnectionException(string message, Exception? inner = null) : Exception(message, inner);
}
