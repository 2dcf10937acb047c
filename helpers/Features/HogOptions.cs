namespace DeepCnn.Features;

/// <summary>
/// Settings of the histogram of oriented gradients. The defaults give 4 x 4 cells of 8 x 8 pixels on a 32 x 32
/// image, grouped into 3 x 3 overlapping blocks of 2 x 2 cells: 3 x 3 x 2 x 2 x 8 = 288 numbers.
/// </summary>
public sealed record HogOptions
{
    /// <summary>Cell side in pixels; the image side must be a multiple of it.</summary>
    public int CellSize { get; init; } = 8;

    /// <summary>
    /// Orientation bins over 0..180 degrees. Eight bins of 22.5 degrees put horizontal, vertical and both diagonal
    /// gradients exactly on a bin centre (0, 90, 45, 135), so each lands in one bin; Dalal and Triggs' nine bins of
    /// 20 degrees would split 90 or 45 degrees between two neighbours under linear binning.
    /// </summary>
    public int OrientationBins { get; init; } = 8;

    /// <summary>Block side in cells; blocks overlap with a stride of one cell and are L2-normalised one by one.</summary>
    public int BlockCells { get; init; } = 2;
}
