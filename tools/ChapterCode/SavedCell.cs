namespace DeepCnn.ChapterCode;

/// <summary>A notebook code cell marked <c>// @save</c>: the one copy of a piece of the chapter's code.</summary>
/// <param name="Notebook">The notebook's path relative to the repository root, with forward slashes.</param>
/// <param name="CellId">The cell's nbformat id.</param>
/// <param name="TypeName">The first type the cell declares; the library file is named after it.</param>
/// <param name="Code">The cell's source without the marker line, lines ending in \n.</param>
internal sealed record SavedCell(string Notebook, string CellId, string TypeName, string Code);
