namespace DeepCnn.Training;

/// <summary>Weights or optimiser state hold NaN or infinite values, so they were not saved.</summary>
public sealed class NonFiniteStateException(string message) : Exception(message);
