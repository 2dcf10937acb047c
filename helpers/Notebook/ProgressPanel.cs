using System.Diagnostics;

namespace DeepCnn.Notebook;

/// <summary>
/// A progress bar that updates in place, at most every <see cref="Interval"/> (a notebook front end would choke
/// on an update per batch). Outside a notebook it prints a line now and then instead.
/// </summary>
public sealed class ProgressPanel
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly DisplayHandle handle;
    private TimeSpan? lastShown;

    private ProgressPanel(string title)
    {
        Title = title;
        handle = Display.Show(Html.ProgressBar(title, 0, "starting..."));
    }

    /// <summary>What the bar measures.</summary>
    public string Title { get; }

    /// <summary>Least time between two redraws.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(Display.InNotebook ? 0.5 : 10);

    /// <summary>Time since the panel was shown.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Shows a new progress bar.</summary>
    public static ProgressPanel Start(string title) => new(title);

    /// <summary>Moves the bar to <paramref name="fraction"/> (0..1) with a caption; redraws when due or when done.</summary>
    public void Report(double fraction, string detail)
    {
        var now = clock.Elapsed;
        if (fraction < 1 && lastShown is { } last && now - last < Interval)
        {
            return;
        }

        lastShown = now;
        handle.Update(Html.ProgressBar(Title, fraction, $"{detail} ({now:mm\\:ss} elapsed)"));
    }

    /// <summary>Moves the bar to batch <paramref name="batch"/> of <paramref name="batches"/> (a callback for batch-by-batch work).</summary>
    public void ReportBatch(int batch, int batches) => Report(batch / (double)Math.Max(1, batches), $"batch {batch} of {batches}");

    /// <summary>Fills the bar and leaves a final caption.</summary>
    public void Complete(string detail) => handle.Update(Html.ProgressBar(Title, 1, $"{detail} ({clock.Elapsed:mm\\:ss})"));
}
