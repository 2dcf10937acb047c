using System.Net;
using System.Text.RegularExpressions;

namespace DeepCnn.NotebookExecution;

/// <summary>The words of a display for a console line: its plain text, or its HTML without tags; nothing for pictures.</summary>
internal static partial class DisplayText
{
    private const int MaxLength = 200;

    public static string? Of(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null)
            return null;
        var text = data.TryGetValue("text/html", out var html)
            ? WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(Styles().Replace(html, " "), " "), " "))
            : data.TryGetValue("text/plain", out var plain) ? plain : null;
        if (text is null)
            return null;
        text = Spaces().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 3)] + "...";
    }

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Styles();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
