using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>An executed .ipynb as the runner wrote it: its code cells and their outputs.</summary>
internal sealed class ExecutedNotebook
{
    private ExecutedNotebook(string path, JsonNode json)
    {
        Path = path;
        CodeCells = json["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").Select(c => c!).ToList();
    }

    public string Path { get; }

    public IReadOnlyList<JsonNode> CodeCells { get; }

    public IEnumerable<JsonNode> Outputs => CodeCells.SelectMany(c => c["outputs"]!.AsArray()).Select(o => o!);

    public IEnumerable<JsonNode> Errors => Outputs.Where(o => (string?)o["output_type"] == "error");

    /// <summary>Outputs that carry a picture: a PNG, or HTML with an inline PNG.</summary>
    public int ImageCount => Outputs.Count(o => o["data"]?["image/png"] is not null
        || Text(o["data"]?["text/html"]).Contains("data:image/png;base64,", StringComparison.Ordinal));

    /// <summary>Outputs that carry a PNG twice: as image/png and again inside their HTML.</summary>
    public IEnumerable<JsonNode> FiguresStoredTwice => Outputs.Where(o => o["data"]?["image/png"] is not null
        && Text(o["data"]?["text/html"]).Contains("data:image/png;base64,", StringComparison.Ordinal));

    /// <summary>The titles of the figures (the text that rides along with each PNG).</summary>
    public IEnumerable<string> FigureTitles => Outputs
        .Where(o => o["data"]?["image/png"] is not null)
        .Select(o => Text(o["data"]?["text/plain"]))
        .Where(t => t.StartsWith("Figure: ", StringComparison.Ordinal))
        .Select(t => t["Figure: ".Length..]);

    /// <summary>What the notebook wrote to stderr.</summary>
    public string ErrorStream => string.Concat(Outputs.Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stderr").Select(o => Text(o["text"])));

    /// <summary>All text the notebook printed or returned (plain text, HTML and streams).</summary>
    public string AllText => string.Join('\n', Outputs.Select(o =>
        Text(o["text"]) + Text(o["data"]?["text/plain"]) + Text(o["data"]?["text/html"]) + Text(o["evalue"])));

    /// <summary>Whether every code cell ran (has an execution count).</summary>
    public bool AllCellsRan => CodeCells.All(c => c["execution_count"] is JsonValue);

    public static ExecutedNotebook Load(string path) => new(path, JsonNode.Parse(File.ReadAllText(path))!);

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
