using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

[Collection(TestCollections.Standalone)]
public sealed class CommittedNotebookTests
{
    public static TheoryData<string> Notebooks => new(RepositoryPaths.NotebookFiles.Select(Path.GetFileName)!);

    private static JsonNode Load(string name) => NotebookJson.Load(Path.Combine(RepositoryPaths.Notebooks, name));

    [Fact]
    public void The_series_has_its_six_notebooks_in_reading_order()
    {
        Assert.Equal(
            ["01-learning-representations.ipynb", "02-why-gpus.ipynb", "03-data.ipynb", "04-alexnet.ipynb", "05-training.ipynb", "06-evaluation.ipynb"],
            RepositoryPaths.NotebookFiles.Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebooks_are_committed_without_outputs(string name)
    {
        foreach (var cell in NotebookJson.Cells(Load(name), "code"))
        {
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null(cell["execution_count"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebooks_carry_metadata_for_both_vs_code_and_jupyter(string name)
    {
        var notebook = Load(name);
        Assert.Equal(4, (int)notebook["nbformat"]!);
        var metadata = notebook["metadata"]!;
        Assert.Equal(".net-csharp", (string?)metadata["kernelspec"]!["name"]);
        Assert.Equal("C#", (string?)metadata["kernelspec"]!["language"]);
        Assert.Equal("polyglot-notebook", (string?)metadata["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.All(NotebookJson.Cells(notebook, "code"), cell => Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]!["kernelName"]));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Package_pins_match_the_versions_the_helper_library_is_built_with(string name)
    {
        var pinned = NotebookJson.PinnedVersions();
        var references = NotebookJson.Cells(Load(name), "code").SelectMany(c => NotebookJson.NugetReference().Matches(NotebookJson.Source(c))).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Equal(pinned[r.Groups["package"].Value], r.Groups["version"].Value));
        // Both from one folder: the pair one build made. A DeepCnn.Helpers.dll from another build beside the notebook edge's
        // own copy is refused by the kernel ("a different assembly with the same name and version can't be loaded").
        Assert.Contains(NotebookJson.Cells(Load(name), "code"), c => NotebookJson.Source(c).Contains("#r \"../helpers/Notebook/bin/Release/net10.0/DeepCnn.Helpers.dll\"", StringComparison.Ordinal));
        Assert.Contains(NotebookJson.Cells(Load(name), "code"), c => NotebookJson.Source(c).Contains("#r \"../helpers/Notebook/bin/Release/net10.0/DeepCnn.Notebook.dll\"", StringComparison.Ordinal));
        Assert.DoesNotContain(NotebookJson.Cells(Load(name), "code"), c => NotebookJson.Source(c).Contains("../helpers/bin/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebooks_open_with_a_title_then_a_parameters_cell_and_end_with_a_summary_and_exercises(string name)
    {
        var notebook = Load(name);
        var markdown = string.Join('\n', NotebookJson.Cells(notebook, "markdown").Select(NotebookJson.Source));
        Assert.StartsWith("# ", NotebookJson.Source(notebook["cells"]!.AsArray()[0]!));
        Assert.Contains("## Parameters", markdown);
        Assert.Contains("## Summary", markdown);
        Assert.Contains("## Exercises", markdown);
        Assert.DoesNotContain("TODO", markdown + string.Join('\n', NotebookJson.Cells(notebook, "code").Select(NotebookJson.Source)));
        // The parameters cell comes within the first few code cells and reads the environment overrides.
        var parameters = NotebookJson.Cells(notebook, "code").Take(4).Select(NotebookJson.Source).FirstOrDefault(s => s.Contains("FromEnvironment()", StringComparison.Ordinal));
        Assert.NotNull(parameters);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Code_cells_stay_short_and_narrow_so_plumbing_lives_in_the_helper_library(string name)
    {
        // The chapter's own code (cells marked // @save: the network, the loop) may take a little more room.
        Assert.All(NotebookJson.Cells(Load(name), "code"), cell =>
        {
            var lines = NotebookJson.Source(cell).Split('\n');
            var limit = lines[0].Trim() == DeepCnn.SavedCode.SavedCells.Marker ? 30 : 20;
            Assert.True(lines.Length <= limit, $"{name}: a cell of {lines.Length} lines (at most {limit}):\n{NotebookJson.Source(cell)}");
            Assert.All(lines, line => Assert.True(line.Length <= 120, $"{name}: a line of {line.Length} characters:\n{line}"));
        });
    }
}
