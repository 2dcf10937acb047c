using DeepCnn.Plotting;

namespace DeepCnn.Tests.Plotting;

public sealed class InteractiveChartsTests
{
    private static readonly string[] Classes = ["cat", "dog"];

    [Fact]
    public void The_confusion_matrix_comes_with_a_picture_of_the_same_data()
    {
        var chart = InteractiveCharts.ConfusionMatrix("Confusion", new[,] { { 3, 1 }, { 0, 4 } }, Classes);

        PngAssert.IsPng(chart.Picture);
        Assert.Equal("Confusion", chart.Picture.Title);
    }

    // Offline, or where a viewer strips scripts, the picture is what the reader sees: the page never shows an empty box.
    [Fact]
    public void Its_html_shows_the_picture_inside_the_chart_container_until_plotly_draws_the_chart()
    {
        var chart = InteractiveCharts.ConfusionMatrix("Confusion", new[,] { { 3, 1 }, { 0, 4 } }, Classes);

        var html = InteractiveCharts.ToHtml(chart);

        var container = $"<div id=\"{chart.Chart.Id}\"";
        Assert.StartsWith(container, html.TrimStart(), StringComparison.Ordinal);
        var picture = html.IndexOf(chart.Picture.DataUri, StringComparison.Ordinal);
        Assert.True(picture > 0 && picture < html.IndexOf("</div>", StringComparison.Ordinal), "the picture is not inside the container");
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.Contains("3 of 4 images", html, StringComparison.Ordinal); // hover text of the cell (cat, cat)
    }
}
