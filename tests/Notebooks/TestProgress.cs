using Xunit.Abstractions;
using Xunit.Sdk;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Progress of the notebook runs for whoever watches the tests: each line goes out as an xUnit diagnostic message
/// (xunit.runner.json turns them on), which <c>dotnet test</c> prints as it arrives, while a test host's own console
/// is not shown. Lines reported before the first collection starts wait for it.
/// </summary>
internal static class TestProgress
{
    private static readonly Lock Gate = new();
    private static readonly List<string> Waiting = [];
    private static IMessageSink? sink;

    /// <summary>Sends "[run] text" (xUnit prefixes the time since the tests started).</summary>
    public static void Report(string run, string text) => Send($"[{run}] {text}");

    /// <summary>Where the lines go from now on; the lines that waited for it are sent first.</summary>
    public static void Attach(IMessageSink messageSink)
    {
        lock (Gate)
        {
            sink = messageSink;
            Waiting.ForEach(line => sink.OnMessage(new DiagnosticMessage(line)));
            Waiting.Clear();
        }
    }

    private static void Send(string line)
    {
        lock (Gate)
        {
            if (sink is null)
            {
                Waiting.Add(line);
            }
            else
            {
                sink.OnMessage(new DiagnosticMessage(line));
            }
        }
    }
}

/// <summary>Hands xUnit's diagnostic message sink to <see cref="TestProgress"/> when either collection starts.</summary>
public sealed class ProgressSink
{
    public ProgressSink(IMessageSink diagnostics) => TestProgress.Attach(diagnostics);
}

[CollectionDefinition(TestCollections.NotebookRuns)]
public sealed class NotebookRunsCollection : ICollectionFixture<ProgressSink>;

[CollectionDefinition(TestCollections.Standalone)]
public sealed class StandaloneCollection : ICollectionFixture<ProgressSink>;
