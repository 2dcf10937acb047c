using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DeepCnn.Data;

/// <summary>
/// One download of the archive into the partial file, over as many attempts as the options allow: each attempt resumes
/// with a range request, follows redirects itself (so a loop is named as one), and keeps only bytes that can be the
/// archive (a web page or any other answer that does not start like a .tar.gz never reaches the partial file).
/// </summary>
internal sealed class ArchiveTransfer
{
    private const int BufferBytes = 1 << 16;
    private const int MaxRedirects = 10;
    private static readonly byte[] GzipSignature = [0x1f, 0x8b];

    private static readonly HttpClient Client = CreateClient();

    private readonly Cifar10DownloadOptions options;
    private readonly IProgress<DownloadProgress>? progress;
    private readonly Action<string> report;
    private readonly CancellationToken ct;
    private readonly Uri url;
    private readonly string partial;
    private bool reachedServer;

    public ArchiveTransfer(Cifar10DownloadOptions options, IProgress<DownloadProgress>? progress, Action<string> report, CancellationToken ct)
    {
        this.options = options;
        this.progress = progress;
        this.report = report;
        this.ct = ct;
        url = options.Url;
        partial = options.PartialPath;
        EarlierBytes = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        KeepsEarlierBytes = EarlierBytes > 0;
    }

    /// <summary>Bytes the partial file held before this transfer began (from an earlier run).</summary>
    public long EarlierBytes { get; }

    /// <summary>True while the partial file still starts with those earlier bytes (no restart from zero since).</summary>
    public bool KeepsEarlierBytes { get; private set; }

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
            DeletePartial($"it holds {offset:N0} bytes, more than the archive's {expectedLength:N0}, so it is not a piece of it");
            offset = 0;
        }

        if (offset == expectedLength)
        {
            // Every byte arrived in an earlier run; verification decides whether they are the right ones.
            progress?.Report(new DownloadProgress(offset, expectedLength, 0));
            return;
        }

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stall.CancelAfter(options.StallTimeout);
        using var response = await SendFollowingRedirectsAsync(offset, stall.Token);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The partial file does not fit the file on the server (it changed, or the bytes came from elsewhere).
            DeletePartial($"the server refused to resume it at byte {offset:N0}, so its bytes do not fit the file there");
            throw new DroppedConnectionException($"the server refused to resume at byte {offset:N0}, so the partial file was dropped to start afresh");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CifarDownloadException(url,
                $"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Check the URL, or set " +
                $"{Cifar10Source.EnvironmentVariable} to a mirror URL or a local copy (archive or extracted folder).",
                response.StatusCode);
        }

        if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml")
        {
            throw new CifarDownloadException(url,
                $"{url} answered with a web page (Content-Type {response.Content.Headers.ContentType}), not the archive: a login or " +
                $"proxy page, or a URL that does not serve cifar-10-binary.tar.gz. Nothing of it was kept{KeptNote(offset)}.");
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
            throw new CifarDownloadException(url,
                $"{url} serves a file of {length:N0} bytes; expected {options.Expected}. Check that the URL serves cifar-10-binary.tar.gz{KeptNote(offset)}.");
        }

        await CopyBodyAsync(response, start, expectedLength, stall);
    }

    /// <summary>Sends the request, following up to <see cref="MaxRedirects"/> redirects; a loop is an error that names it.</summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(long offset, CancellationToken stallToken)
    {
        var visited = new List<Uri> { url };
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, visited[^1]);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            var response = await SendAsync(request, stallToken);
            reachedServer = true;
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308))
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var location = response.Headers.Location;
            response.Dispose();
            var chain = string.Join(" -> ", visited);
            if (location is null)
            {
                throw new CifarDownloadException(url, $"{visited[^1]} answered HTTP {status} (a redirect) without saying where to ({chain}). Try a mirror.");
            }

            var next = location.IsAbsoluteUri ? location : new Uri(visited[^1], location);
            if (visited.Contains(next))
            {
                throw new CifarDownloadException(url,
                    $"{url} redirects in a loop: {chain} -> {next} again (HTTP {status}). The server is misconfigured; try again later, use a mirror, " +
                    $"or set {Cifar10Source.EnvironmentVariable} to a local copy.");
            }

            if (visited.Count > MaxRedirects)
            {
                throw new CifarDownloadException(url, $"{url} redirects more than {MaxRedirects} times ({chain} -> {next}); giving up. Try a mirror.");
            }

            if (visited[^1].Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
            {
                throw new CifarDownloadException(url, $"{visited[^1]} redirects to {next}, away from https; refused. Try a mirror.");
            }

            visited.Add(next);
        }
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
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[BufferBytes];
        long position = start;

        async Task<int> ReadAsync(Memory<byte> into)
        {
            stall.CancelAfter(options.StallTimeout);
            try
            {
                return await body.ReadAsync(into, stall.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new DroppedConnectionException($"nothing arrived for {options.StallTimeout.TotalSeconds:N0} s after byte {position:N0} of {total:N0}");
            }
            catch (IOException e) when (!ct.IsCancellationRequested)
            {
                throw new DroppedConnectionException($"the connection dropped after byte {position:N0} of {total:N0} ({e.Message})", e);
            }
        }

        // The first bytes are looked at before the partial file is touched: a fresh file must start like a .tar.gz.
        var filled = 0;
        while (filled < GzipSignature.Length)
        {
            var read = await ReadAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        if (start == 0 && !buffer.AsSpan(0, filled).StartsWith(GzipSignature))
        {
            throw new CifarDownloadException(url,
                $"{url} answered with something that is not a .tar.gz archive ({Describe(buffer.AsSpan(0, filled))}): a login or " +
                $"proxy page, or a URL that does not serve cifar-10-binary.tar.gz. Nothing of it was kept{KeptNote(start)}.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await using var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
        file.SetLength(start);
        file.Position = start;
        if (start == 0)
        {
            KeepsEarlierBytes = false;
        }

        var clock = Stopwatch.StartNew();
        TimeSpan? lastReport = null;
        long reported = -1;
        void Report()
        {
            var seconds = clock.Elapsed.TotalSeconds;
            progress?.Report(new DownloadProgress(position, total, seconds > 0 ? (position - start) / seconds : 0));
            (lastReport, reported) = (clock.Elapsed, position);
        }

        var chunk = filled;
        while (chunk > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, chunk), ct);
            position += chunk;
            if (lastReport is null || clock.Elapsed - lastReport >= options.ProgressInterval)
            {
                Report();
            }

            chunk = await ReadAsync(buffer);
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

    private void DeletePartial(string why)
    {
        File.Delete(partial);
        KeepsEarlierBytes = false;
        report($"Deleted the partial download {partial}: {why}.");
    }

    private string KeptNote(long offset) => offset > 0 ? $"; the {offset:N0} bytes already in {partial} are kept" : "";

    /// <summary>The first bytes of an answer, as a reader can recognise them ("it starts with "&lt;!DOCTYPE html"").</summary>
    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "it is empty";
        }

        var text = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 40)]);
        return $"it starts with \"{new string([.. text.Select(c => char.IsControl(c) || c > '~' ? ' ' : c)]).Trim()}\"";
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            // The archive is gzip already: take the bytes as stored, so lengths, ranges and checksums all refer to the file itself.
            AutomaticDecompression = DecompressionMethods.None,
            // Redirects are followed by hand, so that a loop is reported as a loop.
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // No overall timeout: 170 MB may take many minutes. StallTimeout guards each wait instead.
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("DeepCnn-AlexNet-notebooks/1.0");
        return client;
    }

    /// <summary>A failure worth another attempt: the connection dropped, stalled or was refused after the server had answered once.</summary>
    private sealed class DroppedConnectionException(string message, Exception? inner = null) : Exception(message, inner);
}
