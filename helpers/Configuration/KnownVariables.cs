using System.Reflection;

namespace DeepCnn.Configuration;

/// <summary>
/// The <c>ALEXNET_*</c> names the library reads, so that a misspelt one is an error rather than silently ignored. A name
/// is known when it is <c>ALEXNET_</c> + a property of an options record marked <see cref="IOverridableOptions"/> (or
/// <see cref="IHasProfiles{T}"/>), or the value of a <c>const string</c> field that starts with <c>ALEXNET_</c>
/// (a variable code reads directly, such as <c>ALEXNET_CIFAR10_SOURCE</c>). Both are found by reflection in the helper
/// library and in the assembly of the options being read, so a new variable is registered by declaring it that way.
/// </summary>
public static class KnownVariables
{
    private static readonly Lazy<IReadOnlyList<string>> Library = new(() => Scan(typeof(KnownVariables).Assembly));

    // Windows looks variables up case-insensitively (ALEXNET_EPOCHS finds alexnet_epochs there); Linux and macOS do not.
    private static readonly StringComparer NameComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Every known name in the helper library, sorted.</summary>
    public static IReadOnlyList<string> All => Library.Value;

    /// <summary>The known names when <paramref name="optionsType"/> is being read: <see cref="All"/>, its properties, and those declared in its assembly.</summary>
    public static IReadOnlyList<string> For(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return optionsType.Assembly == typeof(KnownVariables).Assembly && typeof(IOverridableOptions).IsAssignableFrom(optionsType)
            ? All
            : [.. All.Concat(Scan(optionsType.Assembly)).Concat(PropertyVariables(optionsType)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Throws when <paramref name="names"/> (variables that are set) holds an <c>ALEXNET_*</c> name (in any case) that is not
    /// known for <paramref name="optionsType"/>; the message lists the known names and suggests the closest one.
    /// </summary>
    /// <exception cref="InvalidOptionsException">An unknown name is set.</exception>
    public static void RejectUnknown(IEnumerable<string> names, Type optionsType)
    {
        var known = For(optionsType);
        var unknown = names
            .Where(name => name.StartsWith(EnvironmentOverrides.Prefix, StringComparison.OrdinalIgnoreCase) && !known.Contains(name, NameComparer))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var described = unknown.Select(name => Closest(name, known) is { } guess ? $"{name} (did you mean {guess}?)" : name);
        throw new InvalidOptionsException([
            $"Unknown environment variable{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", described)}: no option reads " +
            (unknown.Count > 1 ? "them, so they would be ignored. Fix the names or unset them. " : "it, so it would be ignored. Fix the name or unset it. ") +
            $"Known names: {string.Join(", ", known)}."]);
    }

    /// <summary>The known name nearest to <paramref name="name"/> (ignoring case), or null when none is within a few edits.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var wanted = name.ToUpperInvariant();
        var tail = Math.Max(1, wanted.Length - EnvironmentOverrides.Prefix.Length);
        var limit = Math.Clamp(tail / 3, 1, 3);
        return known
            .Select(candidate => (candidate, distance: EditDistance(wanted, candidate)))
            .Where(pair => pair.distance <= limit)
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
    }

    private static List<string> Scan(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type whose dependency is absent in this host (e.g. .NET Interactive in a console app) cannot declare a variable we need.
            types = [.. e.Types.OfType<Type>()];
        }

        var names = new List<string> { EnvironmentOverrides.ProfileVariable };
        foreach (var type in types)
        {
            if (type is { IsClass: true, IsAbstract: false } && typeof(IOverridableOptions).IsAssignableFrom(type))
            {
                names.AddRange(PropertyVariables(type));
            }

            names.AddRange(type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string?)field.GetRawConstantValue())
                .OfType<string>()
                .Where(IsVariableName));
        }

        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // ALEXNET_ and then upper-case letters, digits and underscores: a name, not a message that happens to start with one.
    private static bool IsVariableName(string value) =>
        value.Length > EnvironmentOverrides.Prefix.Length
        && value.StartsWith(EnvironmentOverrides.Prefix, StringComparison.Ordinal)
        && value.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    private static IEnumerable<string> PropertyVariables(Type type) =>
        EnvironmentOverrides.OverridableProperties(type).Select(property => EnvironmentOverrides.VariableFor(property.Name));

    // Levenshtein distance: the fewest single-character insertions, deletions or substitutions that turn a into b.
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
