namespace DeepCnn.Features;

/// <summary>How well a classifier labelled a set of examples.</summary>
/// <param name="Accuracy">Fraction labelled correctly, 0..1.</param>
/// <param name="PerClassAccuracy">Fraction correct among the examples of each true class (NaN for a class with none).</param>
/// <param name="Count">Number of examples scored.</param>
public sealed record ClassificationScore(double Accuracy, IReadOnlyList<double> PerClassAccuracy, int Count);
