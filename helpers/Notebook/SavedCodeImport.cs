using Microsoft.DotNet.Interactive.Commands;

namespace DeepCnn.Notebook;

/// <summary>The <c>#!saved-code</c> magic command's arguments: the notebook whose saved cells to run.</summary>
public sealed class SavedCodeImport : KernelCommand
{
    /// <summary>Creates the command for the C# kernel.</summary>
    public SavedCodeImport()
        : base("csharp")
    {
    }

    /// <summary>The notebook, relative to the current notebook's folder (e.g. "04-alexnet.ipynb").</summary>
    public string Notebook { get; set; } = "";
}
