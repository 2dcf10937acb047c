using System.Collections;
using System.Globalization;
using System.Reflection;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// An optimiser as it was built: its type and its settings (learning rate, momentum, weight decay, betas, ...), read from
/// the optimiser object itself, so that swapping SGD for Adam in notebook 05 is recorded as what it is.
/// </summary>
/// <param name="Type">The optimiser's class name (SGD, Adam, ...).</param>
/// <param name="Settings">Its settings by name, as invariant text.</param>
public sealed record OptimizerDescription(string Type, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The learning rate, when the optimiser has one.</summary>
    public double? LearningRate => Settings.TryGetValue("LearningRate", out var text) &&
                                   double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Reads the type and the first parameter group's settings of <paramref name="optimizer"/>.</summary>
    public static OptimizerDescription Of(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // TorchSharp keeps each parameter group's settings in an Options object of the optimiser's own type.
        var groups = optimizer.GetType().GetProperty("ParamGroups", BindingFlags.Public | BindingFlags.Instance)?.GetValue(optimizer) as IEnumerable;
        var first = groups?.Cast<object>().FirstOrDefault();
        // ParamGroup<T> hides its base's untyped Options with a typed one: take the most derived.
        var property = first?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name == "Options" && p.GetIndexParameters().Length == 0)
            .OrderByDescending(p => p.DeclaringType == first.GetType())
            .FirstOrDefault();
        var options = property?.GetValue(first);
        if (options is not null)
        {
            var members = options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (p.Name, Value: p.GetValue(options)))
                .Concat(options.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Value: f.GetValue(options))));
            foreach (var (name, value) in members)
            {
                if (value is double or float or int or long or bool && Format(value) is { } text)
                {
                    settings[Pascal(name)] = text;
                }
            }
        }

        return new OptimizerDescription(optimizer.GetType().Name, settings);
    }

    /// <summary>"SGD (lr 0.01, momentum 0.9, weight decay 0.0005)": the type and the settings that are not off.</summary>
    public override string ToString()
    {
        var shown = Settings.Where(s => s.Key != "InitialLearningRate" && s.Value is not ("0" or "False"))
            .OrderBy(s => s.Key != "LearningRate")
            .Select(s => $"{Words(s.Key)} {s.Value}");
        return $"{Type} ({string.Join(", ", shown)})";
    }

    private static string? Format(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => null,
    };

    // TorchSharp mixes styles (LearningRate, weight_decay): one style, Pascal case, for the record.
    private static string Pascal(string name) =>
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Words(string pascal) => pascal == "LearningRate" ? "lr"
        : string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
