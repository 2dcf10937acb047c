using System.Globalization;

namespace DeepCnn.Tests.Notebooks;

/// <summary>A class's own photos, one folder per class: notebooks 03 to 06 run on them unchanged apart from two variables.</summary>
[Collection(TestCollections.NotebookRuns)]
public sealed class PhotoFolderTests
{
    private static NotebookRun Run => NotebookRuns.Photos.Run;

    private static ImageFolderSample Sample => NotebookRuns.Photos.Sample;

    [Fact]
    public void The_series_runs_to_the_end_on_a_folder_of_photos()
    {
        Run.AssertSucceeded();
    }

    [Fact]
    public void The_class_names_are_the_folder_names_in_every_notebook_and_the_data_is_named_by_its_folder()
    {
        foreach (var notebook in new[] { "03-data.ipynb", "05-training.ipynb", "06-evaluation.ipynb" })
        {
            var text = Run.Executed(notebook).AllText;
            Assert.All(Sample.ClassNames, name => Assert.Contains(name, text));
            Assert.Contains("'My photos' (image folder)", text);
        }

        var titles = Run.Executed("06-evaluation.ipynb").FigureTitles.Where(t => !t.Contains("filters", StringComparison.Ordinal)).ToList();
        Assert.All(titles, title => Assert.Contains("'My photos'", title));
    }

    [Fact]
    public void The_unreadable_file_is_reported_by_name_and_counted()
    {
        var text = Run.Executed("03-data.ipynb").AllText;
        Assert.All(Sample.Unreadable, file => Assert.Contains(Path.GetFileName(file), text));
        Assert.Contains("skipped", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Notebook_03_shows_a_grid_of_the_photos_and_their_class_counts()
    {
        var executed = Run.Executed("03-data.ipynb");
        Assert.True(executed.ImageCount >= 3, $"{executed.ImageCount} figures");
        Assert.Contains(executed.FigureTitles, t => t.Contains("'My photos'", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_on_the_photos_ends_clearly_above_chance()
    {
        var summary = NotebookExecutionTests.SummaryLine().Match(Run.Executed("05-training.ipynb").AllText);
        Assert.True(summary.Success, "05 printed no summary line");
        var train = double.Parse(TrainAccuracy().Match(summary.Value).Groups["train"].Value, CultureInfo.InvariantCulture);
        // Three classes: chance is 33%.
        Assert.True(train >= 50, $"training accuracy {train}% in: {summary.Value}");
    }

    private static System.Text.RegularExpressions.Regex TrainAccuracy() => new(@"train acc (?<train>[\d.]+) ?%");
}
