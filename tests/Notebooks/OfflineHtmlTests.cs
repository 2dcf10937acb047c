using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The executed notebook 06 exported to HTML (nbconvert --to html) and opened in headless Chromium without a network.</summary>
[Collection(TestCollections.NotebookRuns)]
public sealed partial class OfflineHtmlTests
{
    [Fact]
    public void Opened_offline_the_exported_evaluation_shows_the_interactive_confusion_matrix_as_a_picture_not_a_blank_box()
    {
        Assert.True(NotebookRuns.Nbconvert.HtmlExport.ExitCode == 0, NotebookRuns.Nbconvert.HtmlExport.Output);
        var page = Path.Combine(NotebookRuns.Nbconvert.HtmlFolder, "06-evaluation.html");
        using var profile = new TempFolder();

        // Every host name resolves to nothing: no CDN, no network at all, as in an offline classroom.
        var dom = ExternalProcess.Run(JupyterClients.Chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.Path}", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        ], TimeSpan.FromMinutes(2)).Output;

        var chart = PlotlyContainer().Match(dom);
        Assert.True(chart.Success, "no interactive chart container in the page");
        Assert.Contains("<img src=\"data:image/png;base64,", chart.Groups["content"].Value, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", chart.Groups["content"].Value, StringComparison.Ordinal);
    }

    // The chart's container as InteractiveCharts.ToHtml writes it; after scripts ran it holds the picture or the chart.
    [GeneratedRegex("""<div id="(?<id>[0-9a-f-]{36})" style="[^"]*">(?<content>.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex PlotlyContainer();
}
