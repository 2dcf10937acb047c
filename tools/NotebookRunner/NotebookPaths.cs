namespace DeepCnn.NotebookExecution;

/// <summary>Turns the command line's files and folders into the list of notebooks to run, checked before anything runs.</summary>
internal static class NotebookPaths
{
    /// <summary>
    /// A folder stands for its <c>*.ipynb</c> files (not its subfolders) in ordinal name order. Fails on a
    /// missing path, an empty folder, a file that is not an nbformat 4 notebook, or two notebooks whose
    /// executed copies would overwrite each other.
    /// </summary>
    public static bool TryExpand(IEnumerable<string> arguments, out IReadOnlyList<string> notebooks, out string? error)
    {
        var found = new List<string>();
        notebooks = found;
        error = null;
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument);
            if (Directory.Exists(full))
            {
                var inFolder = Directory.GetFiles(full, "*.ipynb", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray();
                if (inFolder.Length == 0)
                {
                    error = $"no .ipynb notebook in folder {argument}";
                    return false;
                }

                found.AddRange(inFolder);
            }
            else if (File.Exists(full))
            {
                found.Add(full);
            }
            else
            {
                error = $"notebook not found: {argument}";
                return false;
            }
        }

        var clash = found.Distinct().GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            error = $"two notebooks named {clash.Key} would write the same executed copy: {string.Join(", ", clash)}";
            return false;
        }

        try
        {
            foreach (var notebook in found)
                JupyterDocument.Load(notebook);
        }
        catch (NotebookFormatException e)
        {
            error = e.Message;
            return false;
        }

        notebooks = found.Distinct().ToArray();
        return true;
    }
}
