using DeepCnn.Data;

namespace DeepCnn.Notebook;

/// <summary>
/// A progress bar for loading data: a download's bytes, total and speed, or another step's own title and detail (decoding
/// an image folder, say).
/// </summary>
public sealed class DownloadProgressView(string title = "Downloading CIFAR-10") : IProgress<DownloadProgress>
{
    private ProgressPanel? panel;
    private string? activity;

    /// <inheritdoc />
    public void Report(DownloadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Shown on the first report only, so a data set already in the cache leaves no empty bar behind; a new activity
        // (a download, then decoding) gets a bar of its own.
        if (panel is null || value.Activity != activity)
        {
            activity = value.Activity;
            panel = ProgressPanel.Start(value.Activity ?? title);
        }

        panel.Report(value.Fraction ?? 0, value.ToString());
    }
}
