using DeepCnn.SavedCode;

namespace DeepCnn.ChapterCode;

/// <summary>Compares the saved cells with their library copies, and writes the copies.</summary>
internal static class ChapterSync
{
    /// <summary>Every way the library's copies differ from the notebooks' marked cells; empty when they match.</summary>
    public static IReadOnlyList<string> Differences(string root) => Differences(root, SavedCells.InRepository(root));

    /// <summary>As <see cref="Differences(string)"/>, for a given set of cells (tests pass edited ones).</summary>
    public static IReadOnlyList<string> Differences(string root, IReadOnlyList<SavedCell> cells)
    {
        var problems = new List<string>();
        foreach (var (cell, text) in Render(root, cells))
        {
            var path = Path.Combine(root, ChapterFile.PathOf(cell));
            if (!File.Exists(path))
            {
                problems.Add($"{ChapterFile.PathOf(cell)} is missing: {cell.Notebook} (cell {cell.CellId}) saves {cell.TypeName}.");
                continue;
            }

            var expected = text.Split('\n');
            var actual = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
            var line = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
                .FirstOrDefault(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i], -1);
            if (line >= 0)
            {
                problems.Add($"{ChapterFile.PathOf(cell)} differs from {cell.Notebook} (cell {cell.CellId}) at line {line + 1}:\n" +
                             $"  notebook: {(line < expected.Length ? expected[line] : "(end of file)")}\n" +
                             $"  library:  {(line < actual.Length ? actual[line] : "(end of file)")}");
            }
        }

        var folder = Path.Combine(root, ChapterFile.Folder);
        var saved = cells.Select(c => Path.GetFileName(ChapterFile.PathOf(c))).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).Where(f => !saved.Contains(f!)).Order(StringComparer.Ordinal)
                .Select(f => $"{ChapterFile.Folder}/{f} is saved from no notebook cell: mark the cell {SavedCells.Marker} or delete the file.")
            : []);
        return problems;
    }

    /// <summary>Writes every saved cell's library copy and deletes copies whose cell is gone; returns what changed.</summary>
    public static IReadOnlyList<string> Write(string root)
    {
        var cells = SavedCells.InRepository(root);
        var folder = Path.Combine(root, ChapterFile.Folder);
        Directory.CreateDirectory(folder);
        var changed = new List<string>();
        foreach (var (cell, text) in Render(root, cells))
        {
            var path = Path.Combine(root, ChapterFile.PathOf(cell));
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                var temporary = path + ".tmp";
                File.WriteAllText(temporary, text);
                File.Move(temporary, path, overwrite: true);
                changed.Add($"wrote {ChapterFile.PathOf(cell)} from {cell.Notebook}");
            }
        }

        var saved = cells.Select(c => Path.GetFileName(ChapterFile.PathOf(c))).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(folder, "*.cs").Where(f => !saved.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
            changed.Add($"deleted {ChapterFile.Folder}/{Path.GetFileName(stale)} (no cell saves it any more)");
        }

        return changed;
    }

    // Each cell's file text, with the usings it needs from its notebook's set.
    private static IEnumerable<(SavedCell Cell, string Text)> Render(string root, IReadOnlyList<SavedCell> cells)
    {
        var candidates = cells.Select(c => c.Notebook).Distinct(StringComparer.Ordinal)
            .ToDictionary(n => n, n => SavedCells.Usings(Path.Combine(root, n)), StringComparer.Ordinal);
        var usings = NeededUsings.For(cells, candidates);
        return cells.Select(c => (c, ChapterFile.Render(c, usings[c.TypeName])));
    }
}
