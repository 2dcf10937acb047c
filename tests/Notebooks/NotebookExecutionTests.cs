using System.Globalization;
using System.Text.RegularExpressions;
using DeepCnn.SavedCode;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The whole series in the quick profile under our runner: every notebook, cell and figure, and what they say.</summary>
[Collection(TestCollections.NotebookRuns)]
public sealed partial class NotebookExecutionTests
{
    private static NotebookRun Run => NotebookRuns.Series;

    public static TheoryData<string, int> Notebooks => new()
    {
        // notebook, figures it must show at least
        { "01-learning-representations.ipynb", 4 },
        { "02-why-gpus.ipynb", 3 },
        { "03-data.ipynb", 4 },
        { "04-alexnet.ipynb", 3 },
        { "05-training.ipynb", 2 },
        { "06-evaluation.ipynb", 8 },
    };

    [Fact]
    public void The_whole_series_runs_to_the_end_in_the_quick_profile()
    {
        Run.AssertSucceeded();
        Assert.Contains("6 succeeded, 0 failed", Run.Log);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_ran_without_errors_and_the_figures_are_there(string notebook, int figures)
    {
        var executed = Run.Executed(notebook);
        Assert.True(executed.AllCellsRan, $"{notebook}: not every cell ran\n{Run.Log}");
        Assert.Empty(executed.Errors);
        Assert.True(executed.ImageCount >= figures, $"{notebook}: {executed.ImageCount} figures, expected at least {figures}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_notebook_says_it_ran_on_synthetic_data_in_the_quick_profile_and_every_figure_title_of_data_says_so(string notebook, int figures)
    {
        _ = figures;
        var executed = Run.Executed(notebook);
        Assert.Contains("QUICK profile", executed.AllText);
        if (notebook is "02-why-gpus.ipynb" or "04-alexnet.ipynb")
        {
            return; // no data in these
        }

        Assert.Contains("SYNTHETIC", executed.AllText);
        Assert.DoesNotContain("CIFAR-10:", executed.AllText); // the old banner's wording for any copy
        // Every figure's title rides along as text; a figure of results or images names the data it shows.
        var titles = executed.FigureTitles.Where(t => !t.Contains("filters", StringComparison.Ordinal) && !t.Contains("illustration", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.Contains("SYNTHETIC", title));
    }

    [Fact]
    public void The_executed_copies_are_valid_nbformat_4_5()
    {
        NbformatValidator.AssertValid45(Notebooks.Select(row => Path.Combine(Run.OutputFolder, (string)row[0])).ToArray());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_figure_is_stored_once_and_no_extension_loading_line_is_printed(string notebook, int figures)
    {
        _ = figures;
        var executed = Run.Executed(notebook);
        Assert.Empty(executed.FiguresStoredTwice);
        Assert.DoesNotContain("Loading extension", executed.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_reports_the_moving_and_the_mean_loss_and_test_accuracy_clearly_above_chance_in_its_summary_line()
    {
        var text = Run.Executed("05-training.ipynb").AllText;
        var summary = SummaryLine().Match(text);
        Assert.True(summary.Success, "05 printed no summary line");
        // Ten balanced classes: chance is 10%. With 300 test images its standard deviation is 1.7 points, so 20%
        // is almost six standard deviations above chance: only a network that learned something gets there.
        var accuracy = double.Parse(summary.Groups["test"].Value, CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 20, $"test accuracy {accuracy}% in: {summary.Value}");
        Assert.Contains("SYNTHETIC", summary.Value);
        Assert.Contains("SGD (lr 0.01, momentum 0.9, weight decay 0.0005)", summary.Value);
    }

    [Fact]
    public void Notebook_05_runs_the_saved_cells_of_notebook_04_as_saved_and_records_them_in_its_run()
    {
        var text = Run.Executed("05-training.ipynb").AllText;
        var saved = SavedCells.InNotebook(Path.Combine(RepositoryPaths.Notebooks, "04-alexnet.ipynb"), "04-alexnet.ipynb");
        foreach (var cell in saved)
        {
            Assert.Contains($"{cell.TypeName} [{cell.Fingerprint}]", text); // the line #!saved-code prints
            Assert.Contains($"{cell.TypeName} {cell.Fingerprint} (04-alexnet.ipynb, cell {cell.CellId})", text); // the run's record
        }

        Assert.Contains("Chapter AlexNet, 21,247,306 parameters", text);
    }

    [Fact]
    public void Evaluation_loaded_the_run_that_training_wrote_and_measured_it_with_the_readers_accuracy()
    {
        var training = Run.Executed("05-training.ipynb").AllText;
        var run = RunName().Match(training);
        Assert.True(run.Success, "05 did not name its run");
        var evaluation = Run.Executed("06-evaluation.ipynb").AllText;
        Assert.Contains($"run {run.Value}, epoch 2 of 2", evaluation);
        Assert.Contains("21,247,306 parameters, trained with SGD (lr 0.01", evaluation);
        // 06's headline number is notebook 05's Accuracy.Of on the same test images as the run's last epoch.
        var trained = double.Parse(SummaryLine().Match(training).Groups["test"].Value, CultureInfo.InvariantCulture);
        var measured = double.Parse(TestAccuracyLine().Match(evaluation).Groups["accuracy"].Value, CultureInfo.InvariantCulture);
        Assert.Equal(trained, measured, precision: 1);
    }

    [Fact]
    public void The_handmade_baseline_beats_chance_and_reaches_the_evaluation_notebook()
    {
        var baseline = BaselineLine().Match(Run.Executed("01-learning-representations.ipynb").AllText);
        Assert.True(baseline.Success, "01 printed no baseline summary");
        Assert.True(double.Parse(baseline.Groups["test"].Value, CultureInfo.InvariantCulture) >= 20, baseline.Value);
        Assert.Contains(baseline.Value, Run.Executed("06-evaluation.ipynb").AllText);
    }

    [Fact]
    public void The_evaluation_names_the_winner_its_own_numbers_show()
    {
        var text = Run.Executed("06-evaluation.ipynb").AllText;
        var alexnet = double.Parse(TestAccuracyLine().Match(text).Groups["accuracy"].Value, CultureInfo.InvariantCulture);
        var baseline = double.Parse(BaselineLine().Match(text).Groups["test"].Value, CultureInfo.InvariantCulture);
        var verdict = Verdict().Match(text);
        Assert.True(verdict.Success, "06 printed no comparison sentence");
        Assert.Equal(alexnet > baseline ? "beats" : "is behind", verdict.Groups["verb"].Value);
        Assert.DoesNotContain("AlexNet beats the hand-made pipeline of notebook 01 once", text);
    }

    [Fact]
    public void The_confusion_matrix_of_counts_holds_whole_images_that_add_up_to_the_test_set()
    {
        var html = Run.Executed("06-evaluation.ipynb").AllText;
        var z = PlotlyZ().Match(html);
        Assert.True(z.Success, "no Plotly heatmap data in 06");
        var counts = Regex.Matches(z.Groups["values"].Value, @"-?[\d.]+").Select(m => m.Value).ToList();
        Assert.All(counts, c => Assert.DoesNotContain(".", c)); // integers, not shares
        Assert.Equal(300, counts.Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Notebook_04_works_out_conv1s_initial_scale_and_measures_it_within_two_percent()
    {
        var text = Run.Executed("04-alexnet.ipynb").AllText;
        var expected = Math.Sqrt(363 * 2 * (2.24 / 3) / 11_979);
        Assert.Contains($"= {expected.ToString("F4", CultureInfo.InvariantCulture)}", text);
        var measured = double.Parse(MeasuredConv1().Match(text).Groups["scale"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(measured, expected * 0.98, expected * 1.02);
    }

    [Fact]
    public void Training_ends_with_the_table_of_runs_in_its_cache()
    {
        var text = Run.Executed("05-training.ipynb").AllText;
        var run = RunName().Match(text).Value;
        Assert.Contains($"{run} (this run)", text);
        Assert.Contains("1 run(s)", text);
    }

    [Fact]
    public void Why_gpus_reports_a_positive_throughput_for_every_thread_count_it_ran()
    {
        var text = Run.Executed("02-why-gpus.ipynb").AllText;
        var rows = ThroughputRow().Matches(text);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(double.Parse(row.Groups["gflops"].Value, CultureInfo.InvariantCulture) > 0, row.Value));
        Assert.Contains(rows, row => row.Groups["threads"].Value == "1");
        Assert.Contains("skipped", text); // no GPU here: the GPU rows say why instead of failing
    }

    /// <summary>05's one-line summary of a run.</summary>
    [GeneratedRegex(@"moving loss [\d.]+ \(epoch \d+'s mean loss [\d.]+\), train acc [\d.]+ ?%, test acc (?<test>[\d.]+) ?%, [\d.]+ images/s over all \d+ steps on [^\n<]*test images\)")]
    internal static partial Regex SummaryLine();

    /// <summary>How notebooks 05 and 06 name a run: by its folder, the moment it started and the variant.</summary>
    [GeneratedRegex(@"\d{8}-\d{6}-(chapter|classic)(-\d+)?")]
    internal static partial Regex RunName();

    [GeneratedRegex(@"Test accuracy: (?<accuracy>[\d.]+) ?% on")]
    internal static partial Regex TestAccuracyLine();

    [GeneratedRegex(@"Hand-made features \(D = \d+\) \+ linear classifier: test accuracy (?<test>[\d.]+) ?%[^\n<]*")]
    private static partial Regex BaselineLine();

    [GeneratedRegex(@"AlexNet (?<verb>beats|is behind) the hand-made features of notebook 01 by [\d.]+ points")]
    internal static partial Regex Verdict();

    [GeneratedRegex(@"""z"":(?<values>\[\[[^\]]*\](?:,\[[^\]]*\])*\])")]
    private static partial Regex PlotlyZ();

    [GeneratedRegex(@"conv1's output at (?<scale>[\d.]+) with Xavier")]
    private static partial Regex MeasuredConv1();

    [GeneratedRegex(@"<td[^>]*>matmul</td><td[^>]*>\d+</td><td[^>]*>cpu</td><td[^>]*>(?<threads>\d+)</td><td[^>]*>[\d.]+ ms</td><td[^>]*>(?<gflops>[\d.]+)</td>")]
    private static partial Regex ThroughputRow();
}
