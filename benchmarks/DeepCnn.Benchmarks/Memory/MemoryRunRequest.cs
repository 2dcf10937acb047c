using System.Globalization;
using DeepCnn.Compute;
using DeepCnn.Models;

namespace DeepCnn.Benchmarks.Memory;

/// <summary>
/// What one child process trains: one variant at one batch under one allocator setting. The allocator is
/// process-wide and libtorch reads part of it once, so each setting needs a process of its own; the parent then tells
/// each child when to take a step, so that the settings alternate step by step as the two sides of the benchmark do.
/// </summary>
/// <param name="Variant">The AlexNet variant.</param>
/// <param name="Batch">Images per step.</param>
/// <param name="Allocator">The allocator setting the child applies before anything else.</param>
/// <param name="Threads">TorchSharp CPU threads.</param>
/// <param name="Device">"cpu", "cuda" or "auto".</param>
/// <param name="LibTorch">A libtorch folder to load first (see helpers/Compute), or null.</param>
public sealed record MemoryRunRequest(AlexNetVariant Variant, int Batch, AllocatorChoice Allocator, int Threads, string Device, string? LibTorch)
{
    /// <summary>The first argument that turns the benchmark program into a memory-run child.</summary>
    public const string Flag = "--memory-run";

    /// <summary>The command-line arguments that ask a child for this run.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>
        {
            Flag, "--variant", Variant.ToString().ToLowerInvariant(), "--batch", Invariant(Batch), "--allocator", AllocatorTuning.Name(Allocator),
            "--threads", Invariant(Threads), "--device", Device,
        };
        if (LibTorch is not null)
        {
            args.AddRange(["--libtorch", LibTorch]);
        }

        return args;
    }

    /// <summary>Reads what <see cref="ToArguments"/> wrote; throws <see cref="ArgumentException"/> naming a bad or missing argument.</summary>
    public static MemoryRunRequest Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != Flag)
        {
            throw new ArgumentException($"A memory run starts with {Flag}.", nameof(args));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
            }

            values[args[i]] = args[i + 1];
        }

        string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{Flag} needs {name}.", nameof(args));
        int Count(string name, int minimum)
        {
            var text = Text(name);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? value
                : throw new ArgumentException($"{name} expects a whole number of at least {minimum}, got '{text}'.", nameof(args));
        }

        var known = new HashSet<string>(["--variant", "--batch", "--allocator", "--threads", "--device", "--libtorch"]);
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown argument '{unknown}' for {Flag}.", nameof(args));
        }

        return new MemoryRunRequest(AlexNetVariants.ParseList(Text("--variant"), "--variant").Single(), Count("--batch", 1),
            AllocatorTuning.Parse(Text("--allocator")), Count("--threads", 1), Text("--device"), values.GetValueOrDefault("--libtorch"));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
