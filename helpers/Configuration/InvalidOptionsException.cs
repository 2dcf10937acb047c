namespace DeepCnn.Configuration;

/// <summary>
/// Options that cannot be used: a malformed or out-of-range value, or an unknown <c>ALEXNET_*</c> variable. Each problem
/// names the variable (or the property, when set in code), the value and what is allowed.
/// </summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception from one or more problems, each one complete sentence.</summary>
    public InvalidOptionsException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} problems with the options:\n  - " + string.Join("\n  - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
