using System.Globalization;
using DeepCnn.Models;

namespace DeepCnn.GpuCheck;

/// <summary>What the check runs: device, data size, epochs, variants, and where the report goes.</summary>
internal sealed record CheckOptions
{
    public string Device { get; init; } = "cuda";

    public string? LibTorch { get; init; }

    public int Epochs { get; init; } = 3;

    public int TrainImages { get; init; } = 10_000;

    public int TestImages { get; init; } = 2_000;

    public int BatchSize { get; init; } = 64;

    public int ImageSize { get; init; } = AlexNetInput.Side;

    public int StepRepetitions { get; init; } = 20;

    public double MinimumAccuracy { get; init; } = 0.5;

    public IReadOnlyList<AlexNetVariant> Variants { get; init; } = [AlexNetVariant.Chapter, AlexNetVariant.Classic];

    public string Output { get; init; } = "artifacts/gpu-check";

    public bool ShowHelp { get; init; }

    public const string Usage = """
        Trains both AlexNet variants with the notebooks' code (DeepCnn.Chapter) on synthetic data, reloads the checkpoint,
        evaluates it, and compares a whole epoch's speed with the speed of the training step alone.

          --device NAME         cuda (default), cpu or auto
          --libtorch FOLDER     load this libtorch first (a PyTorch install's torch/lib); see tools/gpu-check/README.md
          --epochs N            epochs per variant (default 3)
          --train-images N      synthetic training images (default 10000)
          --test-images N       synthetic test images (default 2000)
          --batch N             training batch (default 64)
          --image-size N        input side (default 224)
          --step-repetitions N  timed training steps for the step rate (default 20)
          --min-accuracy X      the test accuracy each variant must reach, 0..1 (default 0.5)
          --variants LIST       chapter,classic (default both)
          --output FOLDER       report and checkpoints (default artifacts/gpu-check)
        """;

    /// <summary>Parses the command line; a bad argument is an <see cref="ArgumentException"/> naming it.</summary>
    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CheckOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Count(int minimum)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
                    ? n
                    : throw new ArgumentException($"{name} {text}: expected a whole number of at least {minimum}.");
            }

            options = name switch
            {
                "--device" => options with { Device = Value() },
                "--libtorch" => options with { LibTorch = Value() },
                "--epochs" => options with { Epochs = Count(1) },
                "--train-images" => options with { TrainImages = Count(1) },
                "--test-images" => options with { TestImages = Count(1) },
                "--batch" => options with { BatchSize = Count(1) },
                "--image-size" => options with { ImageSize = Count(32) },
                "--step-repetitions" => options with { StepRepetitions = Count(1) },
                "--min-accuracy" => options with { MinimumAccuracy = Fraction(name, Value()) },
                "--variants" => options with { Variants = AlexNetVariants.ParseList(Value(), "--variants") },
                "--output" => options with { Output = Value() },
                "-h" or "--help" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown argument '{name}'."),
            };
        }

        return options.TrainImages < options.BatchSize
            ? throw new ArgumentException($"--train-images {options.TrainImages} makes no full batch of {options.BatchSize}.")
            : options;
    }

    private static double Fraction(string name, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1
            ? x
            : throw new ArgumentException($"{name} {text}: expected a fraction from 0 to 1.");
}
