using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace DeepCnn.Configuration;

/// <summary>
/// Checks an options record before anything reaches libtorch: each property against its
/// <see cref="System.ComponentModel.DataAnnotations"/> attributes (<see cref="RangeAttribute"/> and the like), every
/// floating-point value finite, every enum value defined, then the record's own rules when it is an
/// <see cref="IValidatableObject"/>. Problems name the property (or the <c>ALEXNET_*</c> variable it came from), the
/// value and what is allowed. <see cref="EnvironmentOverrides.FromEnvironment{T}"/> calls this after applying overrides.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Returns <paramref name="options"/> when it is valid.</summary>
    /// <exception cref="InvalidOptionsException">Some property holds a value it does not allow; the message lists each one.</exception>
    public static T Validate<T>(this T options) where T : class => Validate(options, overrides: null);

    /// <summary>What is wrong with <paramref name="options"/>, one sentence per problem; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(object options) => Problems(options, overrides: null);

    /// <summary>As <see cref="Validate{T}(T)"/>; <paramref name="overrides"/> maps a property to the "ALEXNET_X=text" that set it.</summary>
    internal static T Validate<T>(T options, IReadOnlyDictionary<string, string>? overrides) where T : class
    {
        var problems = Problems(options, overrides);
        return problems.Count == 0 ? options : throw new InvalidOptionsException(problems);
    }

    private static List<string> Problems(object options, IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = options.GetType();
        string Setting(PropertyInfo property, object? value) =>
            overrides?.GetValueOrDefault(property.Name) is { } variable
                ? $"{variable} ({type.Name}.{property.Name})"
                : $"{type.Name}.{property.Name} = {(value is string text ? $"\"{text}\"" : EnvironmentOverrides.Format(value))}";

        var problems = new List<string>();
        foreach (var property in EnvironmentOverrides.OverridableProperties(type))
        {
            var value = property.GetValue(options);
            var setting = Setting(property, value);
            var orNone = Nullable.GetUnderlyingType(property.PropertyType) is null ? ""
                : overrides?.ContainsKey(property.Name) == true ? ", or 'none'" : ", or null";
            var ranges = property.GetCustomAttributes<RangeAttribute>().Select(Describe).ToList();
            if (value is double d && !double.IsFinite(d) || value is float f && !float.IsFinite(f))
            {
                problems.Add($"{setting} is not valid: expected a finite number{string.Concat(ranges.Select(r => " " + r))}{orNone}.");
                continue;
            }

            if (value is Enum && !Enum.IsDefined(value.GetType(), value))
            {
                problems.Add($"{setting} is not valid: expected one of {string.Join(", ", Enum.GetNames(value.GetType()))}.");
                continue;
            }

            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is not { } failure)
                {
                    continue;
                }

                problems.Add(attribute is RangeAttribute range
                    ? $"{setting} is out of range: expected {Describe(range)}{orNone}."
                    : $"{setting} is not valid: {(attribute.ErrorMessage is { Length: > 0 } expected ? "expected " + expected : failure.ErrorMessage)}.");
                break;
            }
        }

        // The record's own rules relate properties to each other, so they only make sense once each property is valid.
        if (problems.Count == 0 && options is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(options)))
            {
                var property = result.MemberNames.Select(type.GetProperty).FirstOrDefault(p => p is not null);
                problems.Add(property is null ? $"{type.Name}: {result.ErrorMessage}" : $"{Setting(property, property.GetValue(options))} is not valid: {result.ErrorMessage}");
            }
        }

        return problems;
    }

    /// <summary>A range in words: "at least 1", "from 32 to 1024", "above 0", "at least 0 and below 1".</summary>
    private static string Describe(RangeAttribute range)
    {
        var (min, max) = (range.Minimum, range.Maximum);
        var noMin = min is int.MinValue or long.MinValue or double.MinValue or double.NegativeInfinity;
        var noMax = max is int.MaxValue or long.MaxValue or double.MaxValue or double.PositiveInfinity;
        var lower = (range.MinimumIsExclusive ? "above " : "at least ") + EnvironmentOverrides.Format(min);
        var upper = (range.MaximumIsExclusive ? "below " : "at most ") + EnvironmentOverrides.Format(max);
        if (max is double d && d == float.MaxValue)
        {
            // Scales handed to libtorch are float32: their limit is the largest float, said as such.
            const string float32 = "within float32 range (at most 3.4E+38)";
            return noMin ? float32 : $"{lower} and {float32}";
        }

        return (noMin, noMax) switch
        {
            (true, true) => "any number",
            (false, true) => lower,
            (true, false) => upper,
            _ when !range.MinimumIsExclusive && !range.MaximumIsExclusive =>
                $"from {EnvironmentOverrides.Format(min)} to {EnvironmentOverrides.Format(max)}",
            _ => $"{lower} and {upper}",
        };
    }
}
