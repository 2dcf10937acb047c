using DeepCnn.Plotting;

namespace DeepCnn.Tests.Plotting;

public sealed class ChartsTests
{
    [Fact]
    public void Every_chart_kind_renders_a_png_of_its_stated_size()
    {
        PngAssert.IsPng(Charts.Bars("bars", ["a", "b"], [1, 2], "y"));
        PngAssert.IsPng(Charts.HorizontalBars("hbars", ["a long label", "b"], [1, 2], "x"));
        PngAssert.IsPng(Charts.GroupedBars("groups", ["a", "b"], [("one", [1, 2]), ("two", [3, 4])], "y"));
        PngAssert.IsPng(Charts.Lines("lines", "x", "y", [new Series("s", [1, 2, 4], [3, 4, 5])], logX: true));
        PngAssert.IsPng(Charts.TrainingCurves("training", [2.3, 2.2, 2.0, 1.8], 2, [2.25, 1.9], [0.2, 0.4], [0.25, 0.35]));
        PngAssert.IsPng(Charts.Heatmap("heat", new double[,] { { 1, 0 }, { 0.5, 0.5 } }, ["a", "b"], ["a", "b"], "x", "y"));
    }

    [Fact]
    public void Mismatched_labels_and_values_are_rejected_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Bars("bars", ["a", "b", "c"], [1, 2], "y"));
        Assert.Contains("3 labels for 2 values", error.Message);
        Assert.Throws<ArgumentException>(() => Charts.Lines("lines", "x", "y", [new Series("s", [1, 2], [3])]));
    }

    [Fact]
    public void Training_curves_can_be_drawn_before_the_first_epoch_ends()
    {
        PngAssert.IsPng(Charts.TrainingCurves("starting", [], 10, [], [], []));
        PngAssert.IsPng(Charts.TrainingCurves("first steps", [2.3, 2.29], 10, [], [], []));
    }

    [Fact]
    public void Bars_with_an_upper_limit_render_and_refuse_a_value_above_it()
    {
        PngAssert.IsPng(Charts.Bars("accuracy", ["a", "b"], [0.95, 1.0], "accuracy", "P0", upperLimit: 1));
        var error = Assert.Throws<ArgumentException>(() => Charts.Bars("accuracy", ["a", "b"], [0.5, 1.2], "accuracy", "P0", upperLimit: 1));
        Assert.Contains("above the upper limit 1", error.Message);
    }
}
