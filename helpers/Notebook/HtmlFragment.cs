using System.Text.RegularExpressions;

namespace DeepCnn.Notebook;

/// <summary>A piece of HTML to display; the console shows its text without tags.</summary>
internal sealed partial record HtmlFragment(string Html)
{
    public override string ToString() => Tags().Replace(Html, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
