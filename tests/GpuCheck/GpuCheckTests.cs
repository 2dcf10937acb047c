using DeepCnn.GpuCheck;
using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.Tests.GpuCheck;

public sealed class GpuCheckTests
{
    private static EpochResult Epoch(int number, double imagesPerSecond, double testAccuracy) =>
        new(number, 1.0, 1.1, 0.9, testAccuracy, 10, imagesPerSecond, [1.0]);

    private static VariantResult Result(double reloaded = 0.9, double accuracy = 0.9) => new(
        AlexNetVariant.Chapter, 21_247_306, 3 * 893_819_136L,
        [Epoch(1, 5_000, 0.5), Epoch(2, 9_000, 0.8), Epoch(3, 9_500, accuracy)], reloaded, 10_000);

    [Fact]
    public void The_epoch_rate_leaves_out_the_first_epoch_and_is_compared_with_the_step_rate()
    {
        var result = Result();
        Assert.Equal(9_250, result.EpochImagesPerSecond);
        Assert.Equal(0.925, result.EpochToStep, precision: 9);
        Assert.Equal(10_000 * 3 * 893_819_136.0 / 1e12, result.StepTflops, precision: 9);
    }

    [Fact]
    public void A_reloaded_network_that_scores_differently_or_a_network_that_did_not_learn_fails_the_check()
    {
        var options = new CheckOptions { MinimumAccuracy = 0.5 };
        var passed = new CheckReport("machine", "CUDA device 0 of 1 (NVIDIA H200)", "NVIDIA H200", null, "data", options, [Result()]);
        var reloadDiffers = passed with { Results = [Result(reloaded: 0.85)] };
        var didNotLearn = passed with { Results = [Result(reloaded: 0.2, accuracy: 0.2)] };

        Assert.Empty(passed.Failures);
        Assert.Contains("All checks passed.", passed.Markdown());
        Assert.Contains("494.7 TFLOP/s TF32", passed.Markdown());
        Assert.Contains("the reloaded network scored", Assert.Single(reloadDiffers.Failures));
        Assert.Contains("below 50", Assert.Single(didNotLearn.Failures));
        Assert.Contains("FAILED", didNotLearn.Markdown());
    }

    [Fact]
    public void Arguments_are_parsed_and_bad_ones_named()
    {
        var options = CheckOptions.Parse(["--device", "cpu", "--epochs", "2", "--variants", "classic", "--min-accuracy", "0.25"]);
        Assert.Equal("cpu", options.Device);
        Assert.Equal(2, options.Epochs);
        Assert.Equal([AlexNetVariant.Classic], options.Variants);
        Assert.Equal(0.25, options.MinimumAccuracy);

        Assert.Contains("--epochs 0", Assert.Throws<ArgumentException>(() => CheckOptions.Parse(["--epochs", "0"])).Message);
        Assert.Contains("'alexnet'", Assert.Throws<ArgumentException>(() => CheckOptions.Parse(["--variants", "alexnet"])).Message);
        Assert.Contains("--variants", Assert.Throws<ArgumentException>(() => CheckOptions.Parse(["--variants", ","])).Message);
        Assert.Contains("--min-accuracy 0,5", Assert.Throws<ArgumentException>(() => CheckOptions.Parse(["--min-accuracy", "0,5"])).Message);
        Assert.Contains("no full batch", Assert.Throws<ArgumentException>(() => CheckOptions.Parse(["--train-images", "10"])).Message);
    }
}
