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

    /// <summary>The numbers of the exercises listed under a notebook's "## Exercises" heading, in order.</summary>
    public static IReadOnlyList<int> ExerciseNumbers(JsonNode chapter)
    {
        var markdown = string.Join('\n', NotebookJson.Cells(chapter, "markdown").Select(NotebookJson.Source));
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
        NotebookJson.Cells(key, "markdown").SelectMany(c => AnswerHeading().Matches(NotebookJson.Source(c)))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The text of each answer: from its heading up to the next "## " heading, markdown and code alike.</summary>
    public static IReadOnlyDictionary<int, string> Answers(JsonNode key)
    {
        var answers = new Dictionary<int, string>();
        int? current = null;
        foreach (var cell in NotebookJson.Cells(key))
        {
            var source = NotebookJson.Source(cell);
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
