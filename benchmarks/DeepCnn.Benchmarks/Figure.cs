namespace DeepCnn.Benchmarks;

/// <summary>
/// One row of the report: a quantity measured on both sides in the same run, and the C#/Python ratio. A side that
/// could not be measured (no peer, a C#-only quantity) is null, and so is the ratio.
/// </summary>
/// <param name="Key">A stable name for programs, e.g. "train.classic.images_per_s" (see <see cref="FigureKeys"/>).</param>
/// <param name="Section">Group in the report, e.g. "Training".</param>
/// <param name="Name">What was measured, e.g. "classic, batch 64".</param>
/// <param name="Unit">"images/s", "GFLOP/s", "MB", "%", ...</param>
/// <param name="Better">Which way is good, so the ratio can be judged.</param>
/// <param name="CSharp">TorchSharp's value.</param>
/// <param name="Python">PyTorch's value.</param>
/// <param name="Note">A short remark shown beside the row.</param>
public sealed record Figure(string Key, string Section, string Name, string Unit, Better Better, Reading? CSharp, Reading? Python, string? Note = null)
{
    /// <summary>C# divided by Python; null when either side is missing or Python's value is zero.</summary>
    public double? Ratio => Ratios.Ratio(CSharp?.Value, Python?.Value);

    /// <summary>True when C# is at least as good as Python, false when worse, null when not judged.</summary>
    public bool? CSharpAtLeastAsGood => Ratios.AtLeastAsGood(Better, Ratio);
}
