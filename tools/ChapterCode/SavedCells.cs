using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepCnn.ChapterCode;

/// <summary>Finds the cells marked for saving: code cells whose first line is exactly <c>// @save</c>.</summary>
internal static partial class SavedCells
{
    public const string Marker = "// @save";

    /// <summary>The marked cells of every notebook in <c>notebooks/</c> under <paramref name="root"/>, in file and cell order.</summary>
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

    /// <summary>The marked cells of one notebook; <paramref name="name"/> is how they will cite it.</summary>
    public static IEnumerable<SavedCell> InNotebook(string path, string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty file.");
        foreach (var cell in notebook["cells"]?.AsArray() ?? throw new InvalidDataException($"{path}: no cells."))
        {
            if ((string?)cell?["cell_type"] != "code")
            {
                continue;
            }

            var source = (cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "").ReplaceLineEndings("\n");
            var newline = source.IndexOf('\n', StringComparison.Ordinal);
            if ((newline < 0 ? source : source[..newline]).TrimEnd() != Marker)
            {
                continue;
            }

            var code = source[(newline + 1)..].TrimEnd('\n') + "\n";
            var id = (string?)cell["id"] ?? "(no id)";
            var type = TypeDeclaration().Match(code);
            if (!type.Success)
            {
                throw new InvalidDataException($"{path}: cell {id} is marked {Marker} but declares no class, record, struct or enum to save.");
            }

            yield return new SavedCell(name, id, type.Groups["name"].Value, code);
        }
    }

    [GeneratedRegex(@"^(?:public |internal )?(?:static |sealed |abstract |partial )*(?:class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
