namespace DeepCnn.Figures;

/// <summary>Short captions for image grids, whose cells have room for a word or two.</summary>
internal static class Captions
{
    private const string SyntheticPrefix = "synthetic ";

    /// <summary>A class name without the "synthetic " prefix: the grid's title already names the data.</summary>
    public static string Short(string className) =>
        className.StartsWith(SyntheticPrefix, StringComparison.Ordinal) ? className[SyntheticPrefix.Length..] : className;
}
