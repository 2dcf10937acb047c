using DeepCnn.Plotting;
using Microsoft.DotNet.Interactive.Formatting;

namespace DeepCnn.Tests.Notebook;

public sealed class DisplayTests
{
    // One MIME type per picture: a second copy as an HTML data URI doubled every executed notebook.
    [Fact]
    public void A_figure_is_displayed_as_one_png_only()
    {
        DeepCnn.Notebook.Display.Initialize();
        var figure = Charts.Bars("bars", ["a", "b"], [1, 2], "y");

        var formatted = FormattedValue.CreateManyFromObject(figure);

        var png = Assert.Single(formatted);
        Assert.Equal("image/png", png.MimeType);
        Assert.Equal(Convert.ToBase64String(figure.Png), png.Value);
    }
}
