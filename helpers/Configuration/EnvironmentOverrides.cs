using System.Globalization;
using System.Reflection;
using System.Text;

namespace DeepCnn.Configuration;

/// <summary>
/// The one way to change a notebook's parameters from outside (CI shrinks runs this way): environment variables
/// named <c>ALEXNET_</c> + the property in UPPER_SNAKE case (<c>Epochs</c> is <c>ALEXNET_EPOCHS</c>,
/// <c>LearningRate</c> is <c>ALEXNET_LEARNING_RATE</c>), and <c>ALEXNET_PROFILE=quick</c> for the quick profile.
/// Readers who set nothing get exactly the literals of their parameters cell.
/// </summary>
public static class EnvironmentOverrides
{
    /// <summary>The prefix of every variable.</summary>
    public const string Prefix = "ALEXNET_";

    /// <summary>The variable that selects the run profile.</summary>
    public const string ProfileVariable = Prefix + "PROFILE";

    /// <summary>The profile selected by <c>ALEXNET_PROFILE</c> (unset or "full": Full; "quick": Quick).</summary>
    public static RunProfile Profile => ReadProfile(Environment.GetEnvironmentVariable(ProfileVariable));

    /// <summary>The environment variable that overrides <paramref name="property"/>.</summary>
    public static string VariableFor(string property)
    {
        var name = new StringBuilder(Prefix);
        for (var i = 0; i < property.Length; i++)
        {
            if (i > 0 && char.IsUpper(property[i]) && !char.IsUpper(property[i - 1]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(property[i]));
        }

        return name.ToString();
    }

    /// <summary>
    /// Applies the quick profile (when selected and <typeparamref name="T"/> has one), then every <c>ALEXNET_*</c>
    /// variable that names a property of <typeparamref name="T"/>. Each change is reported, so outputs say what ran.
    /// </summary>
    public static T FromEnvironment<T>(this T options, Action<string>? report = null) where T : class =>
        Apply(options, name => Environment.GetEnvironmentVariable(name), report ?? Console.WriteLine);

    /// <summary>As <see cref="FromEnvironment{T}"/>, reading variables through <paramref name="lookup"/> (for tests).</summary>
    public static T Apply<T>(T options, Func<string, string?> lookup, Action<string> report) where T : class
    {
        var result = options;
        if (ReadProfile(lookup(ProfileVariable)) == RunProfile.Quick && result is IHasQuickProfile<T> quick)
        {
            result = quick.ForQuickProfile();
            report($"{ProfileVariable}=quick: {typeof(T).Name} uses the quick profile ({Differences(options, result)}).");
        }

        var copy = default(T);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var variable = VariableFor(property.Name);
            var text = lookup(variable);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            copy ??= Clone(result);
            property.SetValue(copy, Parse(text.Trim(), property.PropertyType, variable));
            report($"{variable}={text.Trim()} overrides {typeof(T).Name}.{property.Name}.");
        }

        return copy ?? result;
    }

    private static RunProfile ReadProfile(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "full" => RunProfile.Full,
        "quick" => RunProfile.Quick,
        _ => throw new ArgumentException($"{ProfileVariable}='{text}' is not a profile; expected 'full' or 'quick'."),
    };

    private static object? Parse(string text, Type type, string variable)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != type && text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return target switch
            {
                _ when target == typeof(string) => text,
                _ when target == typeof(bool) => bool.Parse(text),
                _ when target.IsEnum => Enum.Parse(target, text, ignoreCase: true),
                _ => Convert.ChangeType(text, target, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            var expected = target.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(target)) : $"a {target.Name}";
            throw new ArgumentException(
                $"{variable}='{text}' is not valid: expected {expected}{(target != type ? " or 'none'" : "")}.", variable, e);
        }
    }

    private static T Clone<T>(T value) where T : class =>
        (T)(typeof(T).GetMethod("<Clone>$")?.Invoke(value, null)
            ?? throw new InvalidOperationException($"{typeof(T).Name} must be a record to take environment overrides."));

    private static string Differences<T>(T before, T after) =>
        string.Join(", ", typeof(T).GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !Equals(p.GetValue(before), p.GetValue(after)))
            .Select(p => $"{p.Name} = {Format(p.GetValue(after))}"));

    /// <summary>An option value as a reader would type it: invariant culture, "none" for null.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
