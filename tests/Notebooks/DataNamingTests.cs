using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// The series on data that is not CIFAR-10: a copy in CIFAR-10's layout with its own class names and unbalanced splits,
/// and a folder of photos. Every banner, title and sentence names the data for what it is, and every claim that depends
/// on the run is computed from it.
/// </summary>
[Collection(TestCollections.NotebookRuns)]
public sealed partial class DataNamingTests
{
    private static NotebookRun Copy => NotebookRuns.LayoutCopy.Run;

    private static NotebookRun Weak => NotebookRuns.LayoutCopy.WeakBaseline;

    private const string CopyName = "'fruit' (CIFAR-10 layout, not verified as CIFAR-10)";

    public static TheoryData<string> CopyNotebooks => new(["01-learning-representations.ipynb", "03-data.ipynb", "05-training.ipynb", "06-evaluation.ipynb"]);

    [Fact]
    public void The_series_runs_to_the_end_on_a_copy_in_cifar_layout_and_again_with_a_weak_baseline()
    {
        Copy.AssertSucceeded();
        Weak.AssertSucceeded();
    }

    [Theory]
    [MemberData(nameof(CopyNotebooks))]
    public void Nothing_calls_the_copy_cifar_10_and_every_figure_of_data_names_it(string notebook)
    {
        var executed = Copy.Executed(notebook);
        var text = executed.AllText;
        Assert.Contains(CopyName, text);
        Assert.All(Forbidden, claim => Assert.DoesNotContain(claim, text, StringComparison.Ordinal));
        Assert.DoesNotMatch(CifarBanner(), text);
        var titles = executed.FigureTitles.Where(t => !t.Contains("filters", StringComparison.Ordinal) && !t.Contains("illustration", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.Contains("'fruit'", title));
        Assert.All(NotebookRuns.CopyClasses, name => Assert.Contains(name, text));
    }

    [Fact]
    public void Notebook_03_says_the_copy_is_not_balanced_and_what_a_majority_guess_would_score()
    {
        var text = Copy.Executed("03-data.ipynb").AllText;
        Assert.Contains("5 classes, not balanced", text);
        Assert.Contains("training images per class range from 60 ('kiwi') to 240 ('apple')", text);
        Assert.DoesNotContain("balanced: every class has", text);
    }

    [Fact]
    public void Notebook_06_names_the_winner_its_own_numbers_show_whichever_it_is()
    {
        var strong = Comparison(Copy.Executed("06-evaluation.ipynb").AllText);
        var weak = Comparison(Weak.Executed("06-evaluation.ipynb").AllText);
        // The same trained network both times; only the baseline changed.
        Assert.Equal(strong.AlexNet, weak.AlexNet);
        Assert.True(strong.Baseline > strong.AlexNet, $"the baseline ({strong.Baseline}%) should win on this copy against AlexNet ({strong.AlexNet}%)");
        Assert.Equal("is behind", strong.Verb);
        Assert.True(weak.AlexNet > weak.Baseline, $"AlexNet ({weak.AlexNet}%) should win against the crippled baseline ({weak.Baseline}%)");
        Assert.Equal("beats", weak.Verb);
    }

    [Fact]
    public void Notebook_06_compares_with_published_cifar_10_figures_only_on_cifar_10()
    {
        var text = Copy.Executed("06-evaluation.ipynb").AllText;
        Assert.Contains($"This run is on {CopyName}", text);
        Assert.Contains("holds for CIFAR-10 only", text);
    }

    // What 06 printed: AlexNet's test accuracy, the baseline's and the verdict's verb.
    private static (double AlexNet, double Baseline, string Verb) Comparison(string text)
    {
        var verdict = Verdict().Match(text);
        Assert.True(verdict.Success, "06 printed no comparison sentence");
        return (double.Parse(verdict.Groups["alexnet"].Value, CultureInfo.InvariantCulture),
            double.Parse(verdict.Groups["baseline"].Value, CultureInfo.InvariantCulture), verdict.Groups["verb"].Value);
    }

    // The ways an output would call the data CIFAR-10: a banner's headline, a summary's "on ...", a title's "(...)".
    private static readonly string[] Forbidden =
        ["<b>CIFAR-10</b>", "on CIFAR-10,", "on CIFAR-10 (", "(CIFAR-10)", "images of CIFAR-10", "This run is on CIFAR-10"];

    /// <summary>"CIFAR-10:" as a banner or label, not inside "not verified as CIFAR-10: 6 of its 6 files differ".</summary>
    [GeneratedRegex(@"(?<!verified as )CIFAR-10:")]
    private static partial Regex CifarBanner();

    [GeneratedRegex(@"AlexNet (?<verb>beats|is behind) the hand-made features of notebook 01 by [\d.]+ points: (?<alexnet>[\d.]+) ?% against (?<baseline>[\d.]+) ?%")]
    private static partial Regex Verdict();
}
