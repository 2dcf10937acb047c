using DeepCnn.Data;

namespace DeepCnn.Notebook;

/// <summary>A download progress bar: bytes so far, total and speed.</summary>
public sealed class DownloadProgressView(string title = "Downloading CIFAR-10") : IProgress<DownloadProgress>
{
    private ProgressPanel? panel;

    /// <inheritdoc />
    public void Report(DownloadProgress value)
    {
        // Shown on the first report only, so a data set already in the cache leaves no empty bar behind.
        panel ??= ProgressPanel.Start(title);
        panel.Report(value.Fraction ?? 0, value.ToString());
    }
}
