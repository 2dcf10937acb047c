namespace DeepCnn.Data;

/// <summary>Derives independent, reproducible seeds (HashCode.Combine is randomised per process, so it cannot be used).</summary>
internal static class Seeds
{
    /// <summary>A seed for stream <paramref name="stream"/> of a run seeded with <paramref name="seed"/> (SplitMix64 finaliser).</summary>
    public static int Derive(long seed, long stream)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
