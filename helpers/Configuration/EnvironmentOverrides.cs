using System.Collections;
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

    /// <summary>The profile selected by <c>ALEXNET_PROFILE</c> (unset or "full": Full; "class": Class; "quick": Quick).</summary>
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
    /// variable that names a property of <typeparamref name="T"/>, then validates the result (see <see cref="OptionsValidation"/>).
    /// Each change is reported, so outputs say what ran. Before anything is applied, an <c>ALEXNET_*</c> variable that no
    /// option reads (a typo such as <c>ALEXNET_LEARNINGRATE</c>) is an error (see <see cref="KnownVariables"/>).
    /// </summary>
    /// <exception cref="InvalidOptionsException">An unknown variable is set, a value is malformed, or a value is out of range.</exception>
    public static T FromEnvironment<T>(this T options, Action<string>? report = null) where T : class
    {
        KnownVariables.RejectUnknown(SetVariableNames(), typeof(T));
        return Apply(options, name => Environment.GetEnvironmentVariable(name), report ?? Console.WriteLine);
    }

    /// <summary>As <see cref="FromEnvironment{T}"/>, with <paramref name="environment"/> standing for the process environment (for tests).</summary>
    public static T Apply<T>(T options, IReadOnlyDictionary<string, string> environment, Action<string> report) where T : class
    {
        ArgumentNullException.ThrowIfNull(environment);
        KnownVariables.RejectUnknown(environment.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key), typeof(T));
        return Apply(options, name => environment.GetValueOrDefault(name), report);
    }

    /// <summary>
    /// As <see cref="FromEnvironment{T}"/>, reading variables through <paramref name="lookup"/>; it cannot list the variables
    /// that are set, so it does not look for unknown names.
    /// </summary>
    public static T Apply<T>(T options, Func<string, string?> lookup, Action<string> report) where T : class
    {
        var result = options;
        var profile = ReadProfile(lookup(ProfileVariable));
        if (profile != RunProfile.Full && result is IHasProfiles<T> profiled)
        {
            result = profiled.For(profile);
            var name = profile.ToString().ToLowerInvariant();
            var changes = Differences(options, result);
            report($"{ProfileVariable}={name}: {typeof(T).Name} uses the {name} profile ({(changes.Length > 0 ? changes : "no changes")}).");
        }

        var copy = default(T);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in OverridableProperties(typeof(T)))
        {
            var variable = VariableFor(property.Name);
            var text = lookup(variable)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            copy ??= Clone(result);
            property.SetValue(copy, OptionText.Parse(text, property.PropertyType, $"{variable}='{text}' ({typeof(T).Name}.{property.Name})"));
            overrides[property.Name] = $"{variable}={text}";
            report($"{variable}={text} overrides {typeof(T).Name}.{property.Name}.");
        }

        return OptionsValidation.Validate(copy ?? result, overrides);
    }

    /// <summary>The properties of <paramref name="type"/> that take overrides: public, instance, readable and settable.</summary>
    internal static IEnumerable<PropertyInfo> OverridableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0);

    private static IEnumerable<string> SetVariableNames() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(entry => entry.Value is string value && !string.IsNullOrWhiteSpace(value))
            .Select(entry => (string)entry.Key);

    private static RunProfile ReadProfile(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "full" => RunProfile.Full,
        "class" => RunProfile.Class,
        "quick" => RunProfile.Quick,
        _ => throw new InvalidOptionsException([$"{ProfileVariable}='{text}' is not a profile; expected 'full', 'class' or 'quick'."]),
    };

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
