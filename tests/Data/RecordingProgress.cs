using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

/// <summary>Keeps every report, synchronously and in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class RecordingProgress(Action<DownloadProgress>? onReport = null) : IProgress<DownloadProgress>
{
    private readonly List<DownloadProgress> reports = [];

    public IReadOnlyList<DownloadProgress> Reports
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    public void Report(DownloadProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
