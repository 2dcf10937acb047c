using DeepCnn.SavedCode;

namespace DeepCnn.ChapterCode;

/// <summary>The library file a saved cell becomes: a fixed header, the usings the cell needs, then its code exactly as written.</summary>
internal static class ChapterFile
{
    /// <summary>Where the saved copies live, relative to the repository root.</summary>
    public const string Folder = "helpers/Chapter";

    /// <summary>The namespace of the saved copies.</summary>
    public const string Namespace = "DeepCnn.Chapter";

    /// <summary>The file's path relative to the repository root.</summary>
    public static string PathOf(SavedCell cell) => $"{Folder}/{cell.TypeName}.cs";

    /// <summary>The file's full text, with <paramref name="usings"/> (the directives the cell needs) above the namespace.</summary>
    public static string Render(SavedCell cell, IReadOnlyList<string> usings) =>
        $"// Saved from {cell.Notebook} (cell {cell.CellId}, marked {SavedCells.Marker}). Edit the cell there, then run\n" +
        "// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.\n" +
        string.Concat(usings.Select(u => u + "\n")) + (usings.Count > 0 ? "\n" : "") +
        $"namespace {Namespace};\n\n" +
        cell.Code;
}
