using System.Text.RegularExpressions;

namespace DeepCnn.Notebook;

/// <summary>A piece of HTML to display; the console shows its text without tags.</summary>
/// <param name="Html">The markup.</param>
public sealed partial record HtmlFragment(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Tags().Replace(Html, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
