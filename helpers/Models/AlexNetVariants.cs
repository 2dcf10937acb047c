namespace DeepCnn.Models;

/// <summary>Variant names as programs' options take them.</summary>
public static class AlexNetVariants
{
    /// <summary>
    /// "chapter,classic" (any case, spaces allowed) to variants in the order given, each once; errors name
    /// <paramref name="option"/> and the word that is not a variant, and an empty list is an error.
    /// </summary>
    public static IReadOnlyList<AlexNetVariant> ParseList(string list, string option)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException($"{option} expects chapter, classic or both (comma-separated).");
        }

        return names.Select(name => Enum.TryParse<AlexNetVariant>(name, ignoreCase: true, out var variant) && Enum.IsDefined(variant)
                ? variant
                : throw new ArgumentException($"{option}: '{name}' is not a variant; expected chapter or classic."))
            .Distinct()
            .ToList();
    }
}
