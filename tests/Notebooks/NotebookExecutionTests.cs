using System.Globalization;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

[Collection(QuickSeriesCollection.Name)]
public sealed partial class NotebookExecutionTests(QuickSeriesRun run)
{
    public static TheoryData<string, int> Notebooks => new()
    {
        // notebook, figures it must show at least
        { "01-learning-representations.ipynb", 4 },
        { "02-why-gpus.ipynb", 3 },
        { "03-data.ipynb", 4 },
        { "04-alexnet.ipynb", 3 },
        { "05-training.ipynb", 1 },
        { "06-evaluation.ipynb", 6 },
    };

    [Fact]
    public void The_whole_series_runs_to_the_end_in_the_quick_profile()
    {
        Assert.True(run.ExitCode == 0, $"the runner exited with {run.ExitCode}:\n{run.Log}");
        Assert.Contains("6 succeeded, 0 failed", run.Log);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_ran_without_errors_and_the_figures_are_there(string notebook, int figures)
    {
        var executed = run.Executed(notebook);
        Assert.True(executed.AllCellsRan, $"{notebook}: not every cell ran\n{run.Log}");
        Assert.Empty(executed.Errors);
        Assert.True(executed.ImageCount >= figures, $"{notebook}: {executed.ImageCount} figures, expected at least {figures}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_notebook_says_it_ran_on_synthetic_data_in_the_quick_profile(string notebook, int figures)
    {
        _ = figures;
        var text = run.Executed(notebook).AllText;
        Assert.Contains("QUICK profile", text);
        if (notebook != "02-why-gpus.ipynb" && notebook != "04-alexnet.ipynb")
        {
            Assert.Contains("SYNTHETIC", text);
        }
    }

    [Fact]
    public void The_executed_copies_are_valid_nbformat_4_5()
    {
        NbformatValidator.AssertValid45(Notebooks.Select(row => Path.Combine(run.OutputFolder, (string)row[0])).ToArray());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_figure_is_stored_once_and_no_extension_loading_line_is_printed(string notebook, int figures)
    {
        _ = figures;
        var executed = run.Executed(notebook);
        Assert.Empty(executed.FiguresStoredTwice);
        Assert.DoesNotContain("Loading extension", executed.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_reports_test_accuracy_clearly_above_chance_in_its_summary_line()
    {
        var text = run.Executed("05-training.ipynb").AllText;
        var summary = SummaryLine().Match(text);
        Assert.True(summary.Success, "05 printed no summary line");
        // Ten balanced classes: chance is 10%. With 500 test images its standard deviation is 1.3 points, so 20%
        // is more than seven standard deviations above chance: only a network that learned something gets there.
        var accuracy = double.Parse(summary.Groups["test"].Value, CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 20, $"test accuracy {accuracy}% in: {summary.Value}");
        Assert.Contains("SYNTHETIC", summary.Value);
        Assert.Contains("images/s", summary.Value);
    }

    [Fact]
    public void Evaluation_loaded_the_checkpoint_that_training_wrote()
    {
        var saved = SavedAt().Match(run.Executed("05-training.ipynb").AllText);
        Assert.True(saved.Success, "05 did not describe its checkpoint");
        var loaded = run.Executed("06-evaluation.ipynb").AllText;
        Assert.Contains(saved.Value, loaded);
        Assert.Contains("Test accuracy:", loaded);
    }

    [Fact]
    public void The_handmade_baseline_beats_chance_and_reaches_the_evaluation_notebook()
    {
        var baseline = BaselineLine().Match(run.Executed("01-learning-representations.ipynb").AllText);
        Assert.True(baseline.Success, "01 printed no baseline summary");
        Assert.True(double.Parse(baseline.Groups["test"].Value, CultureInfo.InvariantCulture) >= 20, baseline.Value);
        Assert.Contains(baseline.Value, run.Executed("06-evaluation.ipynb").AllText);
    }

    [Fact]
    public void Why_gpus_reports_a_positive_throughput_for_every_thread_count_it_ran()
    {
        var text = run.Executed("02-why-gpus.ipynb").AllText;
        var rows = ThroughputRow().Matches(text);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(double.Parse(row.Groups["gflops"].Value, CultureInfo.InvariantCulture) > 0, row.Value));
        Assert.Contains(rows, row => row.Groups["threads"].Value == "1");
        Assert.Contains("skipped", text); // no GPU here: the GPU rows say why instead of failing
    }

    [GeneratedRegex(@"loss [\d.]+, train acc [\d.]+ ?%, test acc (?<test>[\d.]+) ?%, [\d.]+ images/s on [^\n<]*test images\)")]
    private static partial Regex SummaryLine();

    /// <summary>How notebooks 05 and 06 name a checkpoint: by the moment it was saved.</summary>
    [GeneratedRegex(@"saved at \d{4}-\d\d-\d\dT[\d:.]+[+-Z][\d:]*")]
    internal static partial Regex SavedAt();

    [GeneratedRegex(@"Hand-made features \(D = \d+\) \+ linear classifier: test accuracy (?<test>[\d.]+) ?%[^\n<]*")]
    private static partial Regex BaselineLine();

    [GeneratedRegex(@"<td[^>]*>matmul</td><td[^>]*>\d+</td><td[^>]*>cpu</td><td[^>]*>(?<threads>\d+)</td><td[^>]*>[\d.]+ ms</td><td[^>]*>(?<gflops>[\d.]+)</td>")]
    private static partial Regex ThroughputRow();
}
