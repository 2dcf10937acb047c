using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// What a teacher does in class: edit the chapter's code (conv2 with 128 channels in 04, Adam in 05's set-up), save,
/// and run the series on: 05 trains the edited network with the edited optimiser and 06 evaluates it, with no tool run
/// or rebuild; the second run of 05 sits beside the first in its table of runs.
/// </summary>
[Collection(TestCollections.NotebookRuns)]
public sealed partial class NotebookEditTests
{
    private static NotebookRun Run => NotebookRuns.Edited;

    // conv2 (96 -> c, 5x5) and conv3 (c -> 384, 3x3) are the layers whose size depends on conv2's channels c.
    private static long Depending(long c) => (96 * c * 25 + c) + (c * 384 * 9 + 384);

    private static readonly long Expected = 21_247_306 - Depending(192) + Depending(128);

    [Fact]
    public void The_edited_notebooks_run_to_the_end()
    {
        Run.AssertSucceeded();
        Assert.Equal(20_872_458, Expected);
    }

    [Fact]
    public void Giving_conv2_128_channels_in_notebook_04_changes_its_parameter_table()
    {
        var totals = TotalParameters().Matches(Run.Executed("04-alexnet.ipynb").AllText)
            .Select(m => long.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(Expected, totals);
        Assert.DoesNotContain(21_247_306L, totals);
    }

    [Fact]
    public void Notebook_05_trains_the_edited_network_with_the_edited_optimiser_and_says_so()
    {
        var text = Run.Executed("05-training.ipynb").AllText;
        Assert.Contains($"Chapter AlexNet, {Expected:N0} parameters", text);
        Assert.Contains("conv2 128", text); // the run's record of the network's widths
        var summary = NotebookExecutionTests.SummaryLine().Match(text);
        Assert.True(summary.Success, "the edited 05 printed no summary line");
        Assert.Contains("Adam (lr 0.0001", summary.Value);
        // Chance is 10%; with the run's 200 test images 20% is almost five standard deviations above it.
        Assert.True(double.Parse(summary.Groups["test"].Value, CultureInfo.InvariantCulture) >= 20, summary.Value);
    }

    [Fact]
    public void The_second_run_of_05_lists_both_runs_with_their_optimisers_learning_rates_and_accuracies()
    {
        var first = NotebookExecutionTests.RunName().Match(NotebookRuns.Series.Executed("05-training.ipynb").AllText).Value;
        var text = Run.Executed("05-training.ipynb").AllText;
        Assert.Contains("2 run(s)", text);
        var row = RunRow(first).Match(text);
        Assert.True(row.Success, $"the runs table has no row for {first}");
        Assert.Contains("SGD (lr 0.01, momentum 0.9, weight decay 0.0005)", row.Value);
        Assert.Contains("AlexNet code", row.Value);          // the first run trained other code
        Assert.Contains("21,247,306 parameters", row.Value); // and another network
        Assert.Matches(@"\d+\.\d ?%", row.Value);           // its best test accuracy
        Assert.Matches(@"\(this run\)</td><td[^>]*>[^<]*</td><td[^>]*>Adam \(lr 0\.0001", text);
    }

    [Fact]
    public void Notebook_06_evaluates_the_edited_network_and_names_it()
    {
        var text = Run.Executed("06-evaluation.ipynb").AllText;
        Assert.Contains($"{Expected:N0} parameters, trained with Adam (lr 0.0001", text);
        Assert.Contains("conv2 128", text);
        Assert.Matches(NotebookExecutionTests.TestAccuracyLine(), text);
    }

    [Fact]
    public void The_repositorys_saved_copies_are_untouched_by_the_edits()
    {
        Run.AssertSucceeded();
        Assert.Contains("(192, 0, 0, 0)", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "helpers", "Chapter", "AlexNet.cs")));
        Assert.Contains(NotebookRuns.OriginalOptimizer, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "helpers", "Chapter", "Setup.cs")));
        Assert.Contains("(192, 0, 0, 0)", File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "04-alexnet.ipynb")));
    }

    [GeneratedRegex(@"<td[^>]*>total</td>(?:<td[^>]*>[^<]*</td>){2}<td[^>]*>(?<count>[\d,]+)</td>")]
    private static partial Regex TotalParameters();

    private static Regex RunRow(string run) => new($"<tr><td[^>]*>{Regex.Escape(run)}</td>.*?</tr>");
}
