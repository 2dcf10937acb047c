using System.Text.Json.Nodes;

namespace DeepCnn.NotebookExecution.Tests;

/// <summary>A small notebook written to its own temporary folder, with the metadata VS Code gives a C# notebook.</summary>
internal sealed class TestNotebook : IDisposable
{
    private TestNotebook(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }

    public string Path { get; }

    public string OutputFolder => System.IO.Path.Combine(Folder, "executed");

    public string ExecutedPath => System.IO.Path.Combine(OutputFolder, System.IO.Path.GetFileName(Path));

    /// <summary>Writes a notebook: a markdown cell, then one code cell per source.</summary>
    public static TestNotebook Create(params string[] codeCells) => CreateNamed("test.ipynb", codeCells);

    public static TestNotebook CreateNamed(string fileName, params string[] codeCells)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nbrunner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var notebook = new TestNotebook(folder, System.IO.Path.Combine(folder, fileName));
        notebook.Add(fileName, codeCells);
        return notebook;
    }

    /// <summary>Writes another notebook into the same folder.</summary>
    public string Add(string fileName, params string[] codeCells)
    {
        var cells = new JsonArray { Markdown("# A test notebook") };
        foreach (var code in codeCells)
            cells.Add(Code(code));

        var document = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = Metadata(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = System.IO.Path.Combine(Folder, fileName);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    public static JsonObject Metadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray { new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" } },
            },
        },
    };

    /// <summary>The executed copy's code cells, in order.</summary>
    public IReadOnlyList<JsonObject> ExecutedCodeCells() =>
        ReadExecuted()["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code").ToArray();

    public JsonObject ReadExecuted() => JsonNode.Parse(File.ReadAllText(ExecutedPath))!.AsObject();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A cell that timed out may still hold a file; the temp folder is cleaned up by the OS.
        }
    }

    private static JsonObject Markdown(string text) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = new JsonObject(),
        ["source"] = new JsonArray(text),
    };

    // Source as a list of lines, the way Jupyter stores it.
    private static JsonObject Code(string code) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
        ["outputs"] = new JsonArray(),
        ["source"] = new JsonArray(Lines(code)),
    };

    private static JsonNode?[] Lines(string code)
    {
        var lines = code.Split('\n');
        return lines.Select((line, i) => (JsonNode?)(i < lines.Length - 1 ? line + "\n" : line)).ToArray();
    }
}
