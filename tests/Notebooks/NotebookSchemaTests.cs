using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The committed notebooks against the nbformat 4.5 schema, checked by Jupyter's own validator.</summary>
[Collection(TestCollections.Standalone)]
public sealed class NotebookSchemaTests
{
    [Fact]
    public void The_committed_notebooks_are_valid_nbformat_4_5()
    {
        NbformatValidator.AssertValid45(RepositoryPaths.NotebookFiles);
    }

    // The validator must be able to say no: nbformat 4.5 requires an id on every cell.
    [Fact]
    public void The_validator_rejects_a_notebook_whose_cells_have_no_id()
    {
        using var temp = new TempFolder();
        var notebook = JsonNode.Parse(File.ReadAllText(RepositoryPaths.NotebookFiles[0]))!;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            cell!.AsObject().Remove("id");
        }

        var path = temp.Combine("without-ids.ipynb");
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var result = Assert.Single(NbformatValidator.Validate([path]));
        Assert.False(result.Valid);
        Assert.Contains("id", result.Problem, StringComparison.Ordinal);
    }
}
