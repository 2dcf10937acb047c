using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeepCnn.Tests.Data;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 that serves one file and misbehaves on request: it can ignore ranges, answer
/// with an error, drop the connection or fall silent part-way through the body. Every connection is closed after
/// one answer, so each request shows up separately in <see cref="Requests"/>.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly byte[] file;
    private readonly Func<int, Behaviour> behaviourFor;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<Request> requests = new();
    private readonly Task loop;
    private int accepted;
    private long bodyBytesSent;

    /// <summary>Starts serving <paramref name="file"/>; <paramref name="behaviourFor"/> picks the behaviour for the n-th request (0-based).</summary>
    public LocalHttpServer(byte[] file, Func<int, Behaviour>? behaviourFor = null)
    {
        this.file = file;
        this.behaviourFor = behaviourFor ?? (_ => Behaviour.Normal);
        listener.Start();
        loop = AcceptAsync();
    }

    /// <summary>The file's URL.</summary>
    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/cifar-10-binary.tar.gz");

    /// <summary>Requests received so far, in order.</summary>
    public IReadOnlyList<Request> Requests => [.. requests];

    /// <summary>Body bytes written to clients so far, over all requests.</summary>
    public long BodyBytesSent => Interlocked.Read(ref bodyBytesSent);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                var index = Interlocked.Increment(ref accepted) - 1;
                _ = Task.Run(() => ServeAsync(client, index));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client, int index)
    {
        using var connection = client;
        try
        {
            var stream = connection.GetStream();
            var head = await ReadHeadAsync(stream);
            var lines = head.Split("\r\n");
            var range = lines.Skip(1)
                .Where(line => line.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
                .Select(line => line["Range:".Length..].Trim())
                .FirstOrDefault();
            requests.Enqueue(new Request(lines[0], range));

            var behaviour = behaviourFor(index);
            if (behaviour.RedirectTo is { } location)
            {
                await WriteHeadAsync(stream, HttpStatusCode.Found, $"Location: {location}", "Content-Length: 0");
                return;
            }

            if (behaviour.Page is { } page)
            {
                // As a proxy's or portal's page comes: no length, the end of the body is the end of the connection.
                await WriteHeadAsync(stream, HttpStatusCode.OK, $"Content-Type: {behaviour.PageType}");
                await stream.WriteAsync(Encoding.UTF8.GetBytes(page));
                return;
            }

            if (behaviour.Status != HttpStatusCode.OK)
            {
                await WriteHeadAsync(stream, behaviour.Status, "Content-Length: 5", "Content-Type: text/plain");
                await stream.WriteAsync("sorry"u8.ToArray());
                return;
            }

            long start = 0;
            if (behaviour.HonourRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
            {
                start = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            }

            if (start >= file.Length && start > 0)
            {
                await WriteHeadAsync(stream, HttpStatusCode.RequestedRangeNotSatisfiable, $"Content-Range: bytes */{file.Length}", "Content-Length: 0");
                return;
            }

            var body = file.AsMemory((int)start);
            if (start > 0)
            {
                await WriteHeadAsync(stream, HttpStatusCode.PartialContent,
                    $"Content-Range: bytes {start}-{file.Length - 1}/{file.Length}", $"Content-Length: {body.Length}", "Content-Type: application/gzip");
            }
            else
            {
                await WriteHeadAsync(stream, HttpStatusCode.OK, $"Content-Length: {body.Length}", "Content-Type: application/gzip");
            }

            var limit = Math.Min(body.Length, behaviour.DropAfter ?? behaviour.StallAfter ?? body.Length);
            await stream.WriteAsync(body[..limit]);
            await stream.FlushAsync();
            Interlocked.Add(ref bodyBytesSent, limit);
            if (behaviour.StallAfter is not null)
            {
                // Fall silent, but keep the connection open until the client gives up on it (or the server stops).
                _ = await stream.ReadAsync(new byte[1], stop.Token);
            }

            // Returning closes the connection: with DropAfter set, mid-body.
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; nothing to do.
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                throw new IOException("client closed before the end of the request head");
            }

            head.Add(buffer[0]);
        }

        return Encoding.ASCII.GetString([.. head]);
    }

    private static Task WriteHeadAsync(NetworkStream stream, HttpStatusCode status, params string[] headers)
    {
        var reason = status switch
        {
            HttpStatusCode.OK => "OK",
            HttpStatusCode.PartialContent => "Partial Content",
            HttpStatusCode.Found => "Found",
            HttpStatusCode.NotFound => "Not Found",
            HttpStatusCode.RequestedRangeNotSatisfiable => "Range Not Satisfiable",
            HttpStatusCode.InternalServerError => "Internal Server Error",
            _ => "Status",
        };
        var text = $"HTTP/1.1 {(int)status} {reason}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Connection: close\r\n\r\n";
        return stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
    }

    /// <summary>One request as the server saw it.</summary>
    /// <param name="RequestLine">e.g. "GET /cifar-10-binary.tar.gz HTTP/1.1".</param>
    /// <param name="Range">The Range header's value, or null when there was none.</param>
    internal sealed record Request(string RequestLine, string? Range);

    /// <summary>How to answer one request.</summary>
    /// <param name="Status">Anything but 200 answers with that status and no file.</param>
    /// <param name="HonourRange">False answers every request with the whole file and 200, as servers without range support do.</param>
    /// <param name="DropAfter">Close the connection after this many body bytes.</param>
    /// <param name="StallAfter">Send this many body bytes, then nothing more, keeping the connection open.</param>
    /// <param name="RedirectTo">Answer 302 with this Location (absolute, or relative to the request) instead of the file.</param>
    /// <param name="Page">Answer 200 with this text instead of the file, without a Content-Length.</param>
    /// <param name="PageType">The Content-Type sent with <paramref name="Page"/>.</param>
    internal sealed record Behaviour(
        HttpStatusCode Status = HttpStatusCode.OK, bool HonourRange = true, int? DropAfter = null, int? StallAfter = null,
        string? RedirectTo = null, string? Page = null, string PageType = "text/html; charset=utf-8")
    {
        public static Behaviour Normal { get; } = new();
    }
}
