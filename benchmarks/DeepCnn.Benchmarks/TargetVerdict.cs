namespace DeepCnn.Benchmarks;

/// <summary>One of the targets, read against this run's figures.</summary>
/// <param name="Target">The target as the issue states it.</param>
/// <param name="Met">True or false; null when this run could not measure it.</param>
/// <param name="Detail">The numbers behind the verdict, and where the profile points when it is not met.</param>
public sealed record TargetVerdict(string Target, bool? Met, string Detail)
{
    /// <summary>"met", "NOT met" or "not measured".</summary>
    public string Word => Met switch
    {
        true => "met",
        false => "NOT met",
        null => "not measured",
    };
}
