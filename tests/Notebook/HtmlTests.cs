using DeepCnn.Data;
using DeepCnn.Notebook;
using DeepCnn.Training;

namespace DeepCnn.Tests.Notebook;

public sealed class HtmlTests
{
    [Fact]
    public void Synthetic_data_gets_a_banner_that_says_it_is_not_cifar_10()
    {
        var banner = Html.DataBanner(new DataOrigin(IsSynthetic: true, "/tmp/x")).Html;
        Assert.Contains("SYNTHETIC DATA: not CIFAR-10", banner);
        Assert.DoesNotContain("SYNTHETIC", Html.DataBanner(new DataOrigin(IsSynthetic: false, "/data")).Html);
    }

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
