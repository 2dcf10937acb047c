using DeepCnn.Plotting;
using Microsoft.DotNet.Interactive.Formatting;

namespace DeepCnn.Tests.Notebook;

public sealed class DisplayTests
{
    // One copy of the picture: a second copy as an HTML data URI doubled every executed notebook. Beside it only the
    // title, as text: a few bytes, what a text-only viewer shows.
    [Fact]
    public void A_figure_is_displayed_as_one_png_and_its_title_as_text()
    {
        DeepCnn.Notebook.Display.Initialize();
        var figure = Charts.Bars("bars of things", ["a", "b"], [1, 2], "y");

        var formatted = FormattedValue.CreateManyFromObject(figure);

        Assert.Equal(["image/png", "text/plain"], formatted.Select(f => f.MimeType));
        Assert.Equal(Convert.ToBase64String(figure.Png), formatted[0].Value);
        Assert.Equal("Figure: bars of things", formatted[1].Value);
    }
}
