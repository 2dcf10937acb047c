using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>Finds weights or optimiser state that stopped being finite numbers (NaN or infinity): a diverged run.</summary>
public static class FiniteState
{
    /// <summary>The name of the first tensor of <paramref name="model"/> or <paramref name="optimizer"/> that holds NaN or ±infinity; null when all are finite.</summary>
    public static string? FirstNonFinite(nn.Module model, optim.Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!IsFinite(parameter))
            {
                return $"weight tensor '{name}'";
            }
        }

        return optimizer is null ? null : OptimizerTensors(optimizer).FirstOrDefault(t => !IsFinite(t.Tensor)).Name;
    }

    /// <summary>The tensors an optimiser keeps between steps (momentum buffers, Adam's averages, ...), named by parameter and field.</summary>
    public static IEnumerable<(string Name, Tensor Tensor)> OptimizerTensors(optim.Optimizer optimizer)
    {
        if (optimizer is not OptimizerHelper helper)
        {
            yield break;
        }

        var state = helper.state_dict().State;
        for (var i = 0; i < state.Count; i++)
        {
            // Each optimiser keeps its own fields (SGD: momentum_buffer; Adam: exp_avg, exp_avg_sq, ...).
            foreach (var field in state[i].GetType().GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => f.FieldType == typeof(Tensor)))
            {
                if (field.GetValue(state[i]) is Tensor tensor && !tensor.IsInvalid)
                {
                    yield return ($"optimiser state '{field.Name}' of parameter {i}", tensor);
                }
            }
        }
    }

    private static bool IsFinite(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return !tensor.is_floating_point() || tensor.isfinite().all().item<bool>();
    }
}
