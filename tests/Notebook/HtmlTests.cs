using DeepCnn.Data;
using DeepCnn.Notebook;
using DeepCnn.Training;

namespace DeepCnn.Tests.Notebook;

public sealed class HtmlTests
{
    [Fact]
    public void Synthetic_data_gets_a_banner_that_says_it_is_not_cifar_10()
    {
        var banner = Html.DataBanner(Origin(DataOriginKind.Synthetic)).Html;
        Assert.Contains("SYNTHETIC DATA: not CIFAR-10", banner);
        Assert.DoesNotContain("SYNTHETIC", Html.DataBanner(Origin(DataOriginKind.Cifar10)).Html);
    }

    [Theory]
    [InlineData(DataOriginKind.CifarLayoutCopy, "&#39;mycopy&#39; (CIFAR-10 layout, not verified as CIFAR-10)")]
    [InlineData(DataOriginKind.ImageFolder, "&#39;mycopy&#39; (image folder)")]
    public void Data_that_is_not_verified_cifar_10_gets_a_banner_headed_by_its_folder(DataOriginKind kind, string headline)
    {
        var banner = Html.DataBanner(Origin(kind), "120 train / 30 test images").Html;

        Assert.Contains($"<b>{headline}</b>", banner);
        Assert.Contains("120 train / 30 test images", banner);
        Assert.Contains("cats, dogs, owls", banner);
    }

    private static DataOrigin Origin(DataOriginKind kind) =>
        new(kind, "/data/mycopy", "mycopy", ["cats", "dogs", "owls"], 120, 30, "what was checked");

    [Fact]
    public void Text_is_escaped_so_names_cannot_break_the_markup()
    {
        var table = Html.Table(["<b>"], [["a & b"]]).Html;
        Assert.Contains("&lt;b&gt;", table);
        Assert.Contains("a &amp; b", table);
    }

    [Fact]
    public void A_progress_bar_is_clamped_to_its_range()
    {
        Assert.Contains("width:100.0%", Html.ProgressBar("t", 1.7, "").Html);
        Assert.Contains("width:0.0%", Html.ProgressBar("t", -1, "").Html);
    }

    [Fact]
    public void Comparing_options_lists_only_what_differs()
    {
        var rows = Html.CompareOptions("chapter", TrainingOptions.Chapter, "ours", new TrainingOptions()).Html;
        Assert.Contains("LearningRate", rows);
        Assert.Contains("0.001", rows);
        Assert.DoesNotContain("BatchSize", rows); // 64 in both
    }

    [Fact]
    public void Outside_a_notebook_fragments_print_as_plain_text()
    {
        Assert.Equal("a   b", new HtmlFragment("<i>a</i> <b>b</b>").ToString());
        Assert.False(DeepCnn.Notebook.Display.InNotebook);
    }
}
