using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The teacher's key: one notebook in notebooks/key/ per chapter notebook, named after it with "-key".</summary>
internal static partial class AnswerKeys
{
    public static string Folder => Path.Combine(RepositoryPaths.Notebooks, "key");

    public static IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The key's file name for a chapter notebook: 04-alexnet.ipynb has 04-alexnet-key.ipynb.</summary>
    public static string KeyFor(string chapter) => Path.GetFileNameWithoutExtension(chapter) + "-key.ipynb";

    public static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    public static IEnumerable<JsonNode> Cells(JsonNode notebook, string? type = null) =>
        notebook["cells"]!.AsArray().Select(c => c!).Where(c => type is null || (string?)c["cell_type"] == type);

    public static string Source(JsonNode cell) =>
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    /// <summary>The numbers of the exercises listed under a notebook's "## Exercises" heading, in order.</summary>
    public static IReadOnlyList<int> ExerciseNumbers(JsonNode chapter)
    {
        var markdown = string.Join('\n', Cells(chapter, "markdown").Select(Source));
        var start = markdown.IndexOf("## Exercises", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var section = markdown[(start + "## Exercises".Length)..];
        var next = section.IndexOf("\n## ", StringComparison.Ordinal);
        section = next < 0 ? section : section[..next];
        return NumberedItem().Matches(section).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The numbers of the key's "## Exercise N: ..." headings, in order.</summary>
    public static IReadOnlyList<int> AnswerNumbers(JsonNode key) =>
        Cells(key, "markdown").SelectMany(c => AnswerHeading().Matches(Source(c)))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The text of each answer: from its heading up to the next "## " heading, markdown and code alike.</summary>
    public static IReadOnlyDictionary<int, string> Answers(JsonNode key)
    {
        var answers = new Dictionary<int, string>();
        int? current = null;
        foreach (var cell in Cells(key))
        {
            var source = Source(cell);
            if (AnswerHeading().Match(source) is { Success: true } heading)
            {
                current = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (source.StartsWith("## ", StringComparison.Ordinal))
            {
                current = null;
            }

            if (current is { } number)
            {
                answers[number] = answers.GetValueOrDefault(number, "") + source + "\n";
            }
        }

        return answers;
    }

    [GeneratedRegex(@"^(\d+)\. \S", RegexOptions.Multiline)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^## Exercise (\d+): \S", RegexOptions.Multiline)]
    private static partial Regex AnswerHeading();
}
