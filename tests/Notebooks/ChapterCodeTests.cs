using DeepCnn.ChapterCode;
using DeepCnn.SavedCode;

namespace DeepCnn.Tests.Notebooks;

[Collection(TestCollections.Standalone)]
public sealed class ChapterCodeTests
{
    [Fact]
    public void The_library_holds_exactly_the_code_of_the_notebooks_saved_cells()
    {
        var differences = ChapterSync.Differences(RepositoryPaths.Root);
        Assert.True(differences.Count == 0, "Run `dotnet run --project tools/ChapterCode`:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void The_network_initialisation_step_accuracy_and_loop_are_saved_from_notebooks_04_and_05()
    {
        var saved = SavedCells.InRepository(RepositoryPaths.Root).ToDictionary(c => c.TypeName, c => c.Notebook);
        Assert.Equal("notebooks/04-alexnet.ipynb", saved["AlexNet"]);
        Assert.Equal("notebooks/04-alexnet.ipynb", saved["Xavier"]);
        Assert.Equal("notebooks/05-training.ipynb", saved["Minibatch"]);
        Assert.Equal("notebooks/05-training.ipynb", saved["Accuracy"]);
        Assert.Equal("notebooks/05-training.ipynb", saved["TrainingLoop"]);
    }

    [Fact]
    public void A_one_character_change_in_a_saved_cell_is_reported_with_file_and_line()
    {
        var cells = SavedCells.InRepository(RepositoryPaths.Root).ToList();
        var network = cells.Single(c => c.TypeName == "AlexNet");
        var at = network.Code.IndexOf("4096", StringComparison.Ordinal);
        cells[cells.IndexOf(network)] = network with { Code = network.Code[..at] + "4095" + network.Code[(at + 4)..] };

        var difference = Assert.Single(ChapterSync.Differences(RepositoryPaths.Root, cells));
        Assert.Contains("helpers/Chapter/AlexNet.cs differs from notebooks/04-alexnet.ipynb", difference);
        Assert.Contains("4095", difference);
    }

    [Fact]
    public void A_library_copy_whose_cell_lost_its_mark_is_reported()
    {
        var cells = SavedCells.InRepository(RepositoryPaths.Root).Where(c => c.TypeName != "Xavier").ToList();
        var difference = Assert.Single(ChapterSync.Differences(RepositoryPaths.Root, cells));
        Assert.Contains("helpers/Chapter/Xavier.cs is saved from no notebook cell", difference);
    }

    [Fact]
    public void The_tool_writes_the_copies_and_then_finds_nothing_to_do()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("notebooks"));
        foreach (var notebook in RepositoryPaths.NotebookFiles)
        {
            File.Copy(notebook, temp.Combine("notebooks", Path.GetFileName(notebook)));
        }

        Directory.CreateDirectory(temp.Combine("helpers", "Chapter"));
        File.WriteAllText(temp.Combine("helpers", "Chapter", "Stale.cs"), "// no cell saves this");

        var changes = ChapterSync.Write(temp.Path);
        Assert.Contains(changes, c => c.Contains("wrote helpers/Chapter/AlexNet.cs", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("deleted helpers/Chapter/Stale.cs", StringComparison.Ordinal));
        Assert.Empty(ChapterSync.Differences(temp.Path));
        Assert.Empty(ChapterSync.Write(temp.Path));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "helpers", "Chapter", "TrainingLoop.cs")),
            File.ReadAllText(temp.Combine("helpers", "Chapter", "TrainingLoop.cs")));
    }
}
