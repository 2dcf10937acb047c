using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DeepCnn.Tests.Notebooks;

/// <summary>Reading committed notebooks (.ipynb JSON) and the package pins their cells must match.</summary>
internal static partial class NotebookJson
{
    public static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    /// <summary>The notebook's cells, or only those of <paramref name="type"/> ("code", "markdown").</summary>
    public static IEnumerable<JsonNode> Cells(JsonNode notebook, string? type = null) =>
        notebook["cells"]!.AsArray().Select(c => c!).Where(c => type is null || (string?)c["cell_type"] == type);

    /// <summary>A cell's source as one string, whether stored as a list of lines or as one string.</summary>
    public static string Source(JsonNode cell) =>
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    /// <summary>The versions Directory.Packages.props pins, by package name.</summary>
    public static IReadOnlyDictionary<string, string> PinnedVersions() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);

    /// <summary>A cell's <c>#r "nuget: Package, Version"</c> lines, with groups "package" and "version".</summary>
    [GeneratedRegex("""#r "nuget: (?<package>[^,"]+), (?<version>[^"]+)"\s*$""", RegexOptions.Multiline)]
    public static partial Regex NugetReference();

    /// <summary>A C# code cell for the .NET kernel, not yet run.</summary>
    public static JsonObject CodeCell(string id, string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id,
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    /// <summary>Writes an nbformat 4.5 notebook for the .NET C# kernel with one code cell per source; returns the path.</summary>
    public static string Write(string path, params string[] sources)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray([.. sources.Select((source, i) => (JsonNode)CodeCell($"cell{i}", source))]),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
