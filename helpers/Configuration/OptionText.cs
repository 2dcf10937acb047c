using System.Globalization;

namespace DeepCnn.Configuration;

/// <summary>
/// Reads an option's value as a reader types it, the same on every machine: invariant culture, '.' as the decimal
/// point, no thousands separators (so "0,01" is an error, not 1), finite numbers only, enum values by name.
/// </summary>
internal static class OptionText
{
    private const NumberStyles Whole = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>
    /// Parses <paramref name="text"/> (already trimmed) as a value of <paramref name="type"/>; "none" clears a nullable.
    /// <paramref name="setting"/> names the source in errors, e.g. "ALEXNET_EPOCHS='ten' (TrainingOptions.Epochs)".
    /// </summary>
    /// <exception cref="InvalidOptionsException">The text is not a value of that type.</exception>
    public static object? Parse(string text, Type type, string setting)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var orNone = target != type ? " or 'none'" : "";
        if (orNone.Length > 0 && text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        (object? Value, string Expected) result = target switch
        {
            _ when target == typeof(string) => (text, ""),
            _ when target == typeof(bool) => (bool.TryParse(text, out var b) ? b : null, "true or false"),
            _ when target.IsEnum => (ParseEnum(text, target), "one of " + string.Join(", ", Enum.GetNames(target))),
            _ when target == typeof(int) => (int.TryParse(text, Whole, CultureInfo.InvariantCulture, out var i) ? i : null, WholeNumber(text, int.MinValue, int.MaxValue)),
            _ when target == typeof(long) => (long.TryParse(text, Whole, CultureInfo.InvariantCulture, out var l) ? l : null, WholeNumber(text, long.MinValue, long.MaxValue)),
            _ when target == typeof(double) => (double.TryParse(text, Real, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null, RealNumber),
            _ when target == typeof(float) => (float.TryParse(text, Real, CultureInfo.InvariantCulture, out var f) && float.IsFinite(f) ? f : null, RealNumber),
            _ when target == typeof(TimeSpan) => (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : null, "a duration such as 00:01:30"),
            _ => throw new InvalidOptionsException([$"{setting} cannot be set from the environment: its type {target.Name} has no text form."]),
        };

        return result.Value ?? throw new InvalidOptionsException([$"{setting} is not valid: expected {result.Expected}{orNone}."]);
    }

    /// <summary>What a real-valued option accepts, in words.</summary>
    public const string RealNumber =
        "a finite number written with '.' as the decimal point and no thousands separators (such as 0.01 or 5e-4)";

    // The limits matter only to a number that is too large; anything else was not a whole number at all.
    private static string WholeNumber(string text, long min, long max) =>
        text.TrimStart('+', '-') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit)
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}")
            : "a whole number, digits only (such as 10)";

    // Enum.TryParse also takes numbers ("7") and comma lists ("Chapter,Classic"); an option takes one defined name.
    private static object? ParseEnum(string text, Type type) =>
        text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c == '_') && Enum.TryParse(type, text, ignoreCase: true, out var value)
            ? value
            : null;
}
