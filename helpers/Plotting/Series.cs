namespace DeepCnn.Plotting;

/// <summary>One named line of a chart.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Horizontal values.</param>
/// <param name="Y">Vertical values, one per X.</param>
/// <param name="RightAxis">Draw against the right-hand axis (a second unit on the same chart).</param>
public sealed record Series(string Name, double[] X, double[] Y, bool RightAxis = false);
