using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The committed teacher's key: one notebook per chapter, answering every exercise, in the series' format.</summary>
[Collection(TestCollections.Standalone)]
public sealed partial class AnswerKeyTests
{
    public static TheoryData<string> Chapters => new(RepositoryPaths.NotebookFiles.Select(Path.GetFileName)!);

    private static JsonNode Key(string chapter) => NotebookJson.Load(Path.Combine(AnswerKeys.Folder, AnswerKeys.KeyFor(chapter)));

    [Fact]
    public void Every_chapter_notebook_has_exactly_one_key_and_every_key_a_chapter()
    {
        var expected = RepositoryPaths.NotebookFiles.Select(f => AnswerKeys.KeyFor(Path.GetFileName(f)));
        Assert.Equal(expected, AnswerKeys.Files.Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void The_key_answers_every_exercise_of_its_chapter_in_order(string chapter)
    {
        var exercises = AnswerKeys.ExerciseNumbers(NotebookJson.Load(Path.Combine(RepositoryPaths.Notebooks, chapter)));
        Assert.True(exercises.Count > 0, $"{chapter} lists no numbered exercises under \"## Exercises\"");
        Assert.Equal(Enumerable.Range(1, exercises.Count), exercises);
        Assert.Equal(exercises, AnswerKeys.AnswerNumbers(Key(chapter)));
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Each_answer_restates_its_question_and_works_out_an_answer(string chapter)
    {
        Assert.All(AnswerKeys.Answers(Key(chapter)), answer =>
        {
            Assert.Contains("**Question.**", answer.Value);
            Assert.Contains("**Answer", answer.Value);
            // A worked answer, not a one-liner: a few sentences at least.
            Assert.True(answer.Value.Length > 400, $"{chapter}, exercise {answer.Key}: {answer.Value.Length} characters");
        });
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void The_key_opens_with_its_title_and_a_link_to_its_chapter(string chapter)
    {
        var title = NotebookJson.Source(NotebookJson.Cells(Key(chapter)).First());
        Assert.StartsWith("# Key to " + chapter[..2], title);
        Assert.Contains($"](../{chapter})", title);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void The_key_carries_the_series_metadata_and_is_committed_without_outputs(string chapter)
    {
        var key = Key(chapter);
        var series = NotebookJson.Load(Path.Combine(RepositoryPaths.Notebooks, chapter));
        Assert.Equal(4, (int)key["nbformat"]!);
        Assert.Equal(5, (int)key["nbformat_minor"]!);
        Assert.True(JsonNode.DeepEquals(series["metadata"], key["metadata"]), $"{AnswerKeys.KeyFor(chapter)}: metadata differs from {chapter}");
        Assert.All(NotebookJson.Cells(key, "code"), cell =>
        {
            Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]!["kernelName"]);
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        });
        var ids = NotebookJson.Cells(key).Select(c => (string?)c["id"]).ToList();
        Assert.All(ids, id => Assert.Matches(CellId(), id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void The_key_loads_the_pinned_packages_and_the_helper_library_from_one_folder_further_up(string chapter)
    {
        var code = string.Join('\n', NotebookJson.Cells(Key(chapter), "code").Select(NotebookJson.Source));
        var pinned = NotebookJson.PinnedVersions();
        var references = NotebookJson.NugetReference().Matches(code).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Equal(pinned[r.Groups["package"].Value], r.Groups["version"].Value));
        Assert.Contains("#r \"../../helpers/Notebook/bin/Release/net10.0/DeepCnn.Helpers.dll\"", code);
        Assert.Contains("#r \"../../helpers/Notebook/bin/Release/net10.0/DeepCnn.Notebook.dll\"", code);
        Assert.DoesNotContain("\"../helpers/", code);
        Assert.Contains("Display.Initialize()", code);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Data_comes_from_the_series_cache_and_every_options_record_takes_the_environment(string chapter)
    {
        var code = string.Join('\n', NotebookJson.Cells(Key(chapter), "code").Select(NotebookJson.Source));
        Assert.Contains(".FromEnvironment()", code);
        Assert.Equal(OptionsRecord().Matches(code).Count, code.Split(".FromEnvironment()").Length - 1);
        if (code.Contains("new DataOptions", StringComparison.Ordinal))
        {
            Assert.Contains("CacheFolder = \"../../data\"", code);
        }
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Code_cells_stay_short_and_narrow(string chapter)
    {
        Assert.All(NotebookJson.Cells(Key(chapter), "code"), cell =>
        {
            var lines = NotebookJson.Source(cell).Split('\n');
            Assert.True(lines.Length <= 20, $"{AnswerKeys.KeyFor(chapter)}: a cell of {lines.Length} lines (at most 20):\n{NotebookJson.Source(cell)}");
            Assert.All(lines, line => Assert.True(line.Length < 110, $"{AnswerKeys.KeyFor(chapter)}: a line of {line.Length} characters:\n{line}"));
        });
    }

    [GeneratedRegex("^[0-9a-f]{8}$")]
    private static partial Regex CellId();

    // A parameters record written out in full, as the series' parameters cells do.
    [GeneratedRegex(@"= new (DataOptions|TrainingOptions|ThroughputOptions|AlexNetConfig|EvaluationOptions)\s*\{")]
    private static partial Regex OptionsRecord();
}
