using System.ComponentModel.DataAnnotations;
using DeepCnn.Compute;
using DeepCnn.Configuration;

namespace DeepCnn.Training;

/// <summary>What notebook 06 evaluates and how; every property can be overridden by an ALEXNET_* variable.</summary>
public sealed record EvaluationOptions : IOverridableOptions
{
    /// <summary>
    /// The run to evaluate (ALEXNET_RUN): null for the best epoch of the latest finished run in the cache; a run's name
    /// from notebook 05's table; a run folder; or a checkpoint file.
    /// </summary>
    public string? Run { get; init; }

    /// <summary>"auto" (CUDA if present, else CPU), "cpu" or "cuda[:N]".</summary>
    [RegularExpression(Devices.NamePattern, ErrorMessage = Devices.NameExpectation)]
    public string Device { get; init; } = "auto";

    /// <summary>How many of the most confident mistakes to show.</summary>
    [Range(1, 256)]
    public int MistakesToShow { get; init; } = 16;
}
