namespace DeepCnn.ChapterCode;

/// <summary>The library file a saved cell becomes: a fixed header, then the cell's code exactly as written.</summary>
internal static class ChapterFile
{
    /// <summary>Where the saved copies live, relative to the repository root.</summary>
    public const string Folder = "helpers/Chapter";

    // The namespaces the notebooks import in their set-up cells; not every file needs all of them (IDE0005 is off here).
    private static readonly string[] Usings =
    [
        "using DeepCnn.Data;",
        "using DeepCnn.Models;",
        "using DeepCnn.Training;",
        "using TorchSharp;",
        "using TorchSharp.Modules;",
        "using static TorchSharp.torch;",
        "using static TorchSharp.torch.nn;",
    ];

    /// <summary>The file's path relative to the repository root.</summary>
    public static string PathOf(SavedCell cell) => $"{Folder}/{cell.TypeName}.cs";

    /// <summary>The file's full text.</summary>
    public static string Render(SavedCell cell) =>
        $"// Saved from {cell.Notebook} (cell {cell.CellId}, marked {SavedCells.Marker}). Edit the cell there, then run\n" +
        "// `dotnet run --project tools/ChapterCode` to copy it here: a test fails while the two differ.\n" +
        string.Join("\n", Usings) + "\n\n" +
        "namespace DeepCnn.Chapter;\n\n" +
        cell.Code;
}
