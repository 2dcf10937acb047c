namespace DeepCnn.Benchmarks;

/// <summary>Resident memory in use after a number of steps of a growth run.</summary>
/// <param name="Step">Steps run since the growth baseline.</param>
/// <param name="Bytes">Resident bytes, read after a garbage collection and a heap trim.</param>
public sealed record MemoryReading(int Step, long Bytes);
