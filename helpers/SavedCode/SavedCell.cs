namespace DeepCnn.SavedCode;

/// <summary>A notebook code cell marked <c>// @save</c>: the one copy of a piece of the chapter's code.</summary>
/// <param name="Notebook">How the cell's notebook is cited (a path relative to the repository root, or the file name).</param>
/// <param name="CellId">The cell's nbformat id.</param>
/// <param name="TypeName">The first type the cell declares; its library copy is named after it.</param>
/// <param name="Code">The cell's source without the marker line, lines ending in \n.</param>
public sealed record SavedCell(string Notebook, string CellId, string TypeName, string Code)
{
    /// <summary>A short fingerprint of <see cref="Code"/>: the first 8 hex digits of its SHA-256.</summary>
    public string Fingerprint => CodeFingerprint.Of(Code);
}
