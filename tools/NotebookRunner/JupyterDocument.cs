using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// A notebook file kept as its JSON tree, so that the executed copy differs from the input only in
/// <c>outputs</c> and <c>execution_count</c> of code cells: metadata, cell ids and markdown stay as they were.
/// </summary>
internal sealed class JupyterDocument
{
    private const string DefaultKernelName = "csharp";

    // Jupyter writes notebooks with one-space indentation and without escaping HTML characters.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;
    private readonly JsonArray _cells;

    private JupyterDocument(JsonObject root, JsonArray cells, IReadOnlyList<CodeCell> codeCells)
    {
        _root = root;
        _cells = cells;
        CodeCells = codeCells;
    }

    public IReadOnlyList<CodeCell> CodeCells { get; }

    public static JupyterDocument Load(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path} is not valid JSON: {e.Message}", e);
        }

        if (node is not JsonObject root)
            throw new NotebookFormatException($"{path}: expected a JSON object at the top level.");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue(out int major) || major != 4)
            throw new NotebookFormatException($"{path}: expected \"nbformat\": 4.");
        if (root["cells"] is not JsonArray cells)
            throw new NotebookFormatException($"{path}: expected a \"cells\" array.");

        var defaultKernel = ReadString(root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]) ?? DefaultKernelName;
        var codeCells = new List<CodeCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
                throw new NotebookFormatException($"{path}: cell {i} is not a JSON object.");
            if (ReadString(cell["cell_type"]) != "code")
                continue;

            var metadata = cell["metadata"];
            var kernel = ReadString(metadata?["polyglot_notebook"]?["kernelName"])
                ?? ReadString(metadata?["dotnet_interactive"]?["language"])
                ?? defaultKernel;
            codeCells.Add(new CodeCell(codeCells.Count + 1, i, ReadSource(cell["source"], path, i), kernel));
        }

        return new JupyterDocument(root, cells, codeCells);
    }

    /// <summary>Replaces a code cell's outputs; a null count marks a cell that did not run.</summary>
    public void SetOutputs(CodeCell cell, int? executionCount, IEnumerable<CellOutput> outputs)
    {
        var json = (JsonObject)_cells[cell.Index]!;
        json["execution_count"] = executionCount;
        json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)ToJson(o, executionCount)).ToArray());
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, _root.ToJsonString(WriteOptions) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static JsonObject ToJson(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject
        {
            ["name"] = s.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(s.Text),
        },
        DisplayOutput { IsExecuteResult: true } d => new JsonObject
        {
            ["data"] = MimeBundle(d.Data),
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DisplayOutput d => new JsonObject
        {
            ["data"] = MimeBundle(d.Data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Error.Name,
            ["evalue"] = e.Error.Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Error.Traceback.Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown output type."),
    };

    private static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, content) in data)
            bundle[mime] = MimeValue(mime, content);
        return bundle;
    }

    // nbformat: JSON types hold JSON, base64 images one string, text a list of lines.
    private static JsonNode? MimeValue(string mime, string content)
    {
        if (mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal))
        {
            try
            {
                return JsonNode.Parse(content);
            }
            catch (JsonException)
            {
                return content;
            }
        }

        return mime is "image/png" or "image/jpeg" or "image/gif" ? content : Lines(content);
    }

    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string ReadSource(JsonNode? source, string path, int index) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => ReadString(l) ?? throw new NotebookFormatException($"{path}: cell {index} has a non-string source line."))),
        _ => ReadString(source) ?? throw new NotebookFormatException($"{path}: cell {index} has a source that is neither a string nor a list of strings."),
    };
}
