using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepCnn.SavedCode;

/// <summary>
/// Finds the cells of a notebook marked for saving (code cells whose first line is exactly <c>// @save</c>, d2l's
/// <c>#@save</c> idea) and the <c>using</c> directives its code cells declare, which the saved code compiles against.
/// </summary>
public static partial class SavedCells
{
    /// <summary>The first line of a saved cell.</summary>
    public const string Marker = "// @save";

    /// <summary>The marked cells of every notebook in <c>notebooks/</c> under <paramref name="root"/>, in file and cell order.</summary>
    /// <exception cref="InvalidDataException">A notebook is not valid, or two saved cells declare the same type.</exception>
    public static IReadOnlyList<SavedCell> InRepository(string root)
    {
        var cells = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .SelectMany(path => InNotebook(path, Path.GetRelativePath(root, path).Replace('\\', '/')))
            .ToList();
        var duplicate = cells.GroupBy(c => c.TypeName).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? cells
            : throw new InvalidDataException(
                $"Two saved cells declare {duplicate.Key}: {string.Join(" and ", duplicate.Select(c => $"{c.Notebook} (cell {c.CellId})"))}; each saved type needs one copy.");
    }

    /// <summary>The marked cells of the notebook at <paramref name="path"/>; <paramref name="name"/> is how they cite it.</summary>
    /// <exception cref="InvalidDataException">The file is not a notebook, or a marked cell declares no type.</exception>
    public static IReadOnlyList<SavedCell> InNotebook(string path, string name)
    {
        var cells = new List<SavedCell>();
        foreach (var (id, source) in CodeCells(path))
        {
            var newline = source.IndexOf('\n', StringComparison.Ordinal);
            if ((newline < 0 ? source : source[..newline]).TrimEnd() != Marker)
            {
                continue;
            }

            var code = source[(newline + 1)..].TrimEnd('\n') + "\n";
            var type = TypeDeclaration().Match(code);
            if (!type.Success)
            {
                throw new InvalidDataException($"{path}: cell {id} is marked {Marker} but declares no class, record, struct or enum to save.");
            }

            cells.Add(new SavedCell(name, id, type.Groups["name"].Value, code));
        }

        return cells;
    }

    /// <summary>
    /// The namespace <c>using</c> directives at the top of the notebook's code cells (not <c>using var</c> statements), in
    /// order and each once: what the notebook's own code, saved cells included, compiles against.
    /// </summary>
    public static IReadOnlyList<string> Usings(string path) =>
        CodeCells(path)
            .SelectMany(cell => cell.Source.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => UsingDirective().IsMatch(line))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The first type <paramref name="code"/> declares (the name its library copy gets), or null.</summary>
    public static string? TypeNameOf(string code) => TypeDeclaration().Match(code) is { Success: true } match ? match.Groups["name"].Value : null;

    private static IEnumerable<(string Id, string Source)> CodeCells(string path)
    {
        JsonNode? notebook;
        try
        {
            notebook = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a notebook (the file is not valid JSON: {e.Message}).", e);
        }

        var cells = notebook?["cells"] as JsonArray ?? throw new InvalidDataException($"{path}: not a notebook (no \"cells\" list).");
        foreach (var cell in cells)
        {
            if ((string?)cell?["cell_type"] != "code")
            {
                continue;
            }

            var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            yield return ((string?)cell["id"] ?? "(no id)", source.ReplaceLineEndings("\n"));
        }
    }

    [GeneratedRegex(@"^(?:public |internal )?(?:static |sealed |abstract |partial )*(?:class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    // "using X.Y;", "using static X.Y;" or "using A = X.Y;"; not "using var x = ..." or "using (...)".
    [GeneratedRegex(@"^using\s+(?:static\s+)?(?:\w+\s*=\s*)?[A-Za-z_][\w.]*(?:<[^;]*>)?\s*;(?:\s*//.*)?$")]
    private static partial Regex UsingDirective();
}
