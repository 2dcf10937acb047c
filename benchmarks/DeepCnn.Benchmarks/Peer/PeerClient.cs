using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepCnn.Models;

namespace DeepCnn.Benchmarks.Peer;

/// <summary>
/// Talks to the PyTorch worker (benchmarks/peer/alexnet_peer.py) over its JSON-lines protocol: one request per line,
/// exactly one answer per line, in order. Every request carries an id, and an answer with another id or op, a line
/// that is not JSON, or <c>"ok": false</c> is an error that names the request. The streams are any reader/writer, so
/// tests can play the peer with canned lines.
/// </summary>
public sealed class PeerClient : IDisposable
{
    private readonly TextWriter requests;
    private readonly TextReader responses;
    private readonly TimeSpan timeout;
    private readonly Func<string>? diagnostics;
    private readonly IDisposable? owner;
    private int nextId;
    private bool quit;

    /// <summary>Creates a client over the peer's stdin (<paramref name="requests"/>) and stdout (<paramref name="responses"/>).</summary>
    /// <param name="requests">Where requests are written.</param>
    /// <param name="responses">Where answers are read.</param>
    /// <param name="timeout">How long one answer may take (default 10 minutes: a classic evaluation pass under load).</param>
    /// <param name="diagnostics">Called for the peer's last log lines when something goes wrong.</param>
    /// <param name="owner">Disposed with the client (the process).</param>
    public PeerClient(TextWriter requests, TextReader responses, TimeSpan? timeout = null, Func<string>? diagnostics = null,
        IDisposable? owner = null)
    {
        this.requests = requests;
        this.responses = responses;
        this.timeout = timeout ?? TimeSpan.FromMinutes(10);
        this.diagnostics = diagnostics;
        this.owner = owner;
    }

    /// <summary>The protocol's name for <paramref name="variant"/>.</summary>
    public static string VariantName(AlexNetVariant variant) => variant.ToString().ToLowerInvariant();

    /// <summary>Sends one request and returns its successful answer.</summary>
    public JsonObject Send(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var op = request["op"]?.GetValue<string>() ?? throw new ArgumentException("A request needs an \"op\".", nameof(request));
        var id = ++nextId;
        request["id"] = id;
        try
        {
            requests.WriteLine(request.ToJsonString());
            requests.Flush();
        }
        catch (IOException e)
        {
            throw new PeerException($"Could not send '{op}' to the PyTorch peer: it has stopped.{Tail()}", e);
        }

        var line = ReadLine(op);
        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(line) as JsonObject
                ?? throw new PeerException($"The PyTorch peer answered '{op}' with JSON that is not an object: {Shorten(line)}");
        }
        catch (JsonException e)
        {
            throw new PeerException($"The PyTorch peer answered '{op}' with a line that is not JSON: {Shorten(line)}", e);
        }

        var answeredId = answer["id"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
        var answeredOp = answer["op"] is JsonValue opValue && opValue.TryGetValue<string>(out var text) ? text : null;
        if (answeredId != id || answeredOp != op)
        {
            throw new PeerException($"The PyTorch peer answered out of turn: expected '{op}' #{id}, got '{answeredOp}' #{answeredId}.");
        }

        if (answer["ok"] is not JsonValue ok || !ok.TryGetValue<bool>(out var succeeded) || !succeeded)
        {
            throw new PeerException($"The PyTorch peer failed '{op}': {answer["error"]?.ToString() ?? "no error given"}");
        }

        return answer;
    }

    /// <summary>Asks what the peer runs on, then sets its threads, seed and device ("cpu", "cuda"); the answer combines both.</summary>
    public PeerInfo Connect(int threads, int seed = 0, string device = "cpu")
    {
        var info = Send(new JsonObject { ["op"] = "info" });
        var setup = Send(new JsonObject { ["op"] = "setup", ["threads"] = threads, ["seed"] = seed, ["interop_threads"] = 1, ["device"] = device });
        var blas = info["blas"] as JsonObject;
        string? openBlas = null;
        if (blas?["openblas_config"]?.ToString() is { } config)
        {
            var core = blas["openblas_corename"]?.ToString();
            openBlas = core is null ? config : $"{config} ({core})";
        }

        var parameters = (setup["params"] ?? info["params"]) is JsonObject counts
            ? counts.ToDictionary(p => p.Key, p => p.Value!.GetValue<long>())
            : new Dictionary<string, long>();
        return new PeerInfo(
            Text(info, "torch"),
            Text(info, "python"),
            info["cpu"]?.ToString() ?? "unknown",
            blas?["libraries"] is JsonArray libraries ? libraries.Select(l => l!.ToString()).ToList() : [],
            openBlas,
            Integer(setup, "threads"),
            Integer(setup, "interop_threads"),
            setup["blas_threads"] is JsonValue b && b.TryGetValue<int>(out var blasThreads) ? blasThreads : null,
            info["mkldnn"] is JsonValue m && m.TryGetValue<bool>(out var mkldnn) && mkldnn,
            parameters,
            blas?["name"]?.ToString(),
            setup["device"]?.ToString() ?? "cpu",
            setup["device_name"]?.ToString(),
            info["cuda_version"]?.ToString(),
            setup["cudnn"]?.ToString(),
            info["python_executable"]?.ToString());
    }

    /// <summary>n x n float32 matrix products.</summary>
    public PeerTiming Matmul(int n, int repetitions = 1, int warmup = 0) =>
        Timing(Send(new JsonObject { ["op"] = "matmul", ["n"] = n, ["reps"] = repetitions, ["warmup"] = warmup }));

    /// <summary>Training steps on the peer's fixed random batch.</summary>
    public PeerTiming Train(AlexNetVariant variant, int batch, int image, bool inplace, int repetitions = 1, int warmup = 0) =>
        Timing(Send(ModelRequest("train", variant, batch, image, inplace, repetitions, warmup)));

    /// <summary>Forward passes in eval mode without a graph.</summary>
    public PeerTiming Eval(AlexNetVariant variant, int batch, int image, bool inplace, int repetitions = 1, int warmup = 0) =>
        Timing(Send(ModelRequest("eval", variant, batch, image, inplace, repetitions, warmup)));

    /// <summary>The input pipeline alone over the CIFAR-10 binary files in <paramref name="folder"/>.</summary>
    public PeerTiming Pipeline(string folder, int batch, int image, int batches, IReadOnlyList<float> mean, IReadOnlyList<float> std,
        int repetitions = 1, int warmup = 0, int seed = 0) =>
        Timing(Send(new JsonObject
        {
            ["op"] = "pipeline",
            ["folder"] = folder,
            ["batch"] = batch,
            ["image"] = image,
            ["batches"] = batches,
            ["mean"] = new JsonArray(mean.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["std"] = new JsonArray(std.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["reps"] = repetitions,
            ["warmup"] = warmup,
            ["seed"] = seed,
        }));

    /// <summary>One training step timed layer by layer (with hooks, on the peer's side).</summary>
    public LayerProfile Profile(AlexNetVariant variant, int batch, int image, bool inplace)
    {
        var request = ModelRequest("profile", variant, batch, image, inplace, 1, 0);
        request.Remove("reps");
        request.Remove("warmup");
        var answer = Send(request);
        var layers = (answer["layers"] as JsonArray ?? throw Missing("profile", "layers"))
            .Select(node => (JsonObject)node!)
            .Select(layer =>
            {
                var name = Text(layer, "name");
                var space = name.IndexOf(' ', StringComparison.Ordinal);
                return new LayerTiming(space < 0 ? name : name[..space], space < 0 ? "" : name[(space + 1)..],
                    Number(layer, "forward_s"), Number(layer, "backward_s"), 0);
            })
            .ToList();
        return new LayerProfile("Python", variant, batch, layers, Number(answer, "zero_grad_s"), Number(answer, "loss_forward_s"),
            Number(answer, "loss_backward_s"), Number(answer, "optimizer_step_s"), Number(answer, "step_s"),
            "forward pre/post hooks on each top-level layer; backward from the moment the gradient of its output is ready " +
            "(a tensor hook) to the moment the gradient of its input is");
    }

    /// <summary>The peer's resident and peak memory; <paramref name="resetPeak"/> first trims its heap and resets the peak.</summary>
    public PeerMemory Memory(bool resetPeak = false)
    {
        var request = new JsonObject { ["op"] = "rss" };
        if (resetPeak)
        {
            request["reset_peak"] = true;
        }

        var answer = Send(request);
        return new PeerMemory(Integer64(answer, "rss_bytes"), Integer64(answer, "peak_rss_bytes"), Integer64(answer, "minor_faults"),
            answer["peak_reset"] is JsonValue r && r.TryGetValue<bool>(out var reset) ? reset : null);
    }

    /// <summary>Drops every model, optimiser and batch the peer holds.</summary>
    public void Reset() => Send(new JsonObject { ["op"] = "reset" });

    /// <summary>Asks the peer to exit.</summary>
    public void Quit()
    {
        if (!quit)
        {
            quit = true;
            Send(new JsonObject { ["op"] = "quit" });
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Quit();
        }
        catch (PeerException)
        {
            // It is going away either way; the owner ends the process.
        }

        owner?.Dispose();
    }

    private static JsonObject ModelRequest(string op, AlexNetVariant variant, int batch, int image, bool inplace, int repetitions, int warmup) => new()
    {
        ["op"] = op,
        ["variant"] = VariantName(variant),
        ["batch"] = batch,
        ["image"] = image,
        ["inplace"] = inplace,
        ["reps"] = repetitions,
        ["warmup"] = warmup,
    };

    private static PeerTiming Timing(JsonObject answer) => new(
        (answer["seconds"] as JsonArray ?? throw Missing(answer["op"]?.ToString(), "seconds")).Select(s => s!.GetValue<double>()).ToList(),
        answer["minor_faults"] is JsonValue f && f.TryGetValue<long>(out var faults) ? faults : null,
        answer["loss"] is JsonValue l && l.TryGetValue<double>(out var loss) ? loss : null,
        answer["built_s"] is JsonValue b && b.TryGetValue<double>(out var built) ? built : 0);

    private static string Text(JsonObject answer, string key) => answer[key]?.ToString() ?? throw Missing(answer["op"]?.ToString(), key);

    private static double Number(JsonObject answer, string key) =>
        answer[key] is JsonValue v && v.TryGetValue<double>(out var number) ? number : throw Missing(answer["op"]?.ToString(), key);

    private static int Integer(JsonObject answer, string key) =>
        answer[key] is JsonValue v && v.TryGetValue<int>(out var number) ? number : throw Missing(answer["op"]?.ToString(), key);

    private static long Integer64(JsonObject answer, string key) =>
        answer[key] is JsonValue v && v.TryGetValue<long>(out var number) ? number : throw Missing(answer["op"]?.ToString(), key);

    private static PeerException Missing(string? op, string key) =>
        new($"The PyTorch peer's answer to '{op}' lacks '{key}' (is benchmarks/peer/alexnet_peer.py older than this benchmark?).");

    private static string Shorten(string line) => line.Length <= 200 ? line : string.Create(CultureInfo.InvariantCulture, $"{line[..200]}... ({line.Length} characters)");

    private string ReadLine(string op)
    {
        var pending = responses.ReadLineAsync();
        try
        {
            if (!pending.Wait(timeout))
            {
                throw new PeerException($"The PyTorch peer gave no answer to '{op}' within {timeout.TotalMinutes:F0} minutes.{Tail()}");
            }
        }
        catch (AggregateException e) when (e.InnerException is IOException or ObjectDisposedException)
        {
            throw new PeerException($"The PyTorch peer's output closed while waiting for '{op}'.{Tail()}", e.InnerException);
        }

        return pending.Result ?? throw new PeerException($"The PyTorch peer stopped before answering '{op}'.{Tail()}");
    }

    private string Tail() => diagnostics?.Invoke() is { Length: > 0 } log ? $"{Environment.NewLine}Its last log lines:{Environment.NewLine}{log}" : "";
}
