using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static T FromVariables<T>(T options, params (string Name, string Value)[] variables) where T : class =>
        EnvironmentOverrides.Apply(options, variables.ToDictionary(v => v.Name, v => v.Value), _ => { });

    [Theory]
    [InlineData("0,01")]
    [InlineData("1,000")]
    [InlineData("0.01.2")]
    [InlineData("1e")]
    [InlineData("0x10")]
    public void A_malformed_number_is_rejected_naming_the_variable_and_the_value(string text)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new TrainingOptions(), ("ALEXNET_LEARNING_RATE", text)));

        Assert.Contains($"ALEXNET_LEARNING_RATE='{text}'", error.Message);
        Assert.Contains("'.' as the decimal point and no thousands separators", error.Message);
    }

    [Theory]
    [InlineData("ALEXNET_LEARNING_RATE", "NaN")]
    [InlineData("ALEXNET_LEARNING_RATE", "Infinity")]
    [InlineData("ALEXNET_MOMENTUM", "-Infinity")]
    [InlineData("ALEXNET_WEIGHT_DECAY", "1e400")]
    [InlineData("ALEXNET_DROPOUT", "nan")]
    public void Not_a_number_and_infinities_are_rejected_for_floating_point_options(string variable, string text)
    {
        var error = Assert.Throws<InvalidOptionsException>(() =>
            variable == "ALEXNET_DROPOUT" ? (object)FromVariables(new AlexNetConfig(), (variable, text)) : FromVariables(new TrainingOptions(), (variable, text)));

        Assert.Contains($"{variable}='{text}'", error.Message);
        Assert.Contains("finite number", error.Message);
    }

    [Fact]
    public void Invariant_numbers_with_exponents_and_signs_are_read_exactly()
    {
        var options = FromVariables(new TrainingOptions(), ("ALEXNET_LEARNING_RATE", "5e-3"), ("ALEXNET_WEIGHT_DECAY", ".0001"), ("ALEXNET_SEED", "-7"));

        Assert.Equal(0.005, options.LearningRate);
        Assert.Equal(0.0001, options.WeightDecay);
        Assert.Equal(-7, options.Seed);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("Chapter,Classic")]
    public void An_enum_takes_one_defined_name_not_a_number_or_a_list(string text)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new AlexNetConfig(), ("ALEXNET_VARIANT", text)));
        Assert.Contains("one of Chapter, Classic", error.Message);
    }

    [Theory]
    [InlineData("ALEXNET_THREADS", "0", "from 1 to 1024, or 'none'")]
    [InlineData("ALEXNET_THREADS", "-4", "from 1 to 1024, or 'none'")]
    [InlineData("ALEXNET_THREADS", "100000", "from 1 to 1024, or 'none'")]
    [InlineData("ALEXNET_IMAGE_SIZE", "100000", "from 32 to 1024")]
    [InlineData("ALEXNET_IMAGE_SIZE", "16", "from 32 to 1024")]
    [InlineData("ALEXNET_TRAIN_ACCURACY_IMAGES", "0", "at least 1, or 'none'")]
    [InlineData("ALEXNET_EPOCHS", "0", "at least 1")]
    [InlineData("ALEXNET_BATCH_SIZE", "0", "from 1 to 50000")]
    [InlineData("ALEXNET_EVAL_BATCH_SIZE", "-1", "from 1 to 50000")]
    [InlineData("ALEXNET_LEARNING_RATE", "0", "above 0 and within float32 range (at most 3.4E+38)")]
    [InlineData("ALEXNET_LEARNING_RATE", "-0.1", "above 0 and within float32 range (at most 3.4E+38)")]
    [InlineData("ALEXNET_MOMENTUM", "1", "at least 0 and below 1")]
    [InlineData("ALEXNET_DROPOUT", "1.0", "at least 0 and below 1")]
    [InlineData("ALEXNET_WEIGHT_DECAY", "-0.0005", "at least 0 and within float32 range (at most 3.4E+38)")]
    [InlineData("ALEXNET_XAVIER_MAGNITUDE", "0", "above 0 and within float32 range (at most 3.4E+38)")]
    [InlineData("ALEXNET_LOSS_SMOOTHING", "0", "above 0 and at most 1")]
    public void Training_values_out_of_range_name_the_variable_the_value_and_the_allowed_range(string variable, string text, string range)
    {
        // The network's own settings are an AlexNetConfig; the rest are how it trains.
        var network = variable is "ALEXNET_IMAGE_SIZE" or "ALEXNET_DROPOUT" or "ALEXNET_XAVIER_MAGNITUDE";
        var error = Assert.Throws<InvalidOptionsException>(() =>
            network ? (object)FromVariables(new AlexNetConfig(), (variable, text)) : FromVariables(new TrainingOptions(), (variable, text)));

        Assert.StartsWith($"{variable}={text} ({(network ? "AlexNetConfig" : "TrainingOptions")}.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"is out of range: expected {range}.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message);
    }

    [Theory]
    [InlineData("ALEXNET_TRAIN_SUBSET", "0", "at least 1, or 'none'")]
    [InlineData("ALEXNET_TEST_SUBSET", "-5", "at least 1, or 'none'")]
    [InlineData("ALEXNET_SYNTHETIC_TRAIN_COUNT", "4", "from 5 to 699050")]
    [InlineData("ALEXNET_SYNTHETIC_TEST_COUNT", "0", "from 1 to 699050")]
    public void Data_values_out_of_range_name_the_variable_the_value_and_the_allowed_range(string variable, string text, string range)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new DataOptions(), (variable, text)));

        Assert.Equal($"{variable}={text} (DataOptions.{Property(variable)}) is out of range: expected {range}.", error.Message);
    }

    [Theory]
    [InlineData("ALEXNET_MAX_THREADS", "0")]
    [InlineData("ALEXNET_CONVOLUTION_BATCH", "0")]
    [InlineData("ALEXNET_REPETITIONS", "0")]
    [InlineData("ALEXNET_WARMUP", "-1")]
    [InlineData("ALEXNET_STREAM_MEGABYTES", "0")]
    [InlineData("ALEXNET_SMALLEST_MATRIX", "0")]
    public void Throughput_values_out_of_range_name_the_variable(string variable, string text)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new ThroughputOptions(), (variable, text)));
        Assert.StartsWith($"{variable}={text} (ThroughputOptions.{Property(variable)}) is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_between_two_properties_names_both()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new ThroughputOptions(), ("ALEXNET_LARGEST_MATRIX", "64")));
        Assert.Equal("ALEXNET_LARGEST_MATRIX=64 (ThroughputOptions.LargestMatrix) is not valid: expected at least SmallestMatrix (128).", error.Message);
    }

    [Fact]
    public void An_unknown_device_name_lists_the_ones_there_are()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new TrainingOptions(), ("ALEXNET_DEVICE", "gpu")));
        Assert.Equal("ALEXNET_DEVICE=gpu (TrainingOptions.Device) is not valid: expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".", error.Message);
        Assert.Equal("cuda:1", FromVariables(new TrainingOptions(), ("ALEXNET_DEVICE", "cuda:1")).Device);
    }

    [Fact]
    public void Values_set_in_code_are_checked_too_and_named_by_their_property()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => OptionsValidation.Validate(new AlexNetConfig { ImageSize = 100_000 }));
        Assert.Equal("AlexNetConfig.ImageSize = 100000 is out of range: expected from 32 to 1024.", error.Message);

        var nan = Assert.Throws<InvalidOptionsException>(() => new TrainingOptions { Momentum = double.NaN }.Validate());
        Assert.Equal("TrainingOptions.Momentum = NaN is not valid: expected a finite number at least 0 and below 1.", nan.Message);

        var folder = Assert.Throws<InvalidOptionsException>(() => new DataOptions { CacheFolder = " " }.Validate());
        Assert.Equal("DataOptions.CacheFolder = \" \" is not valid: expected a folder path.", folder.Message);
    }

    [Fact]
    public void A_learning_rate_beyond_what_a_float_holds_is_refused_when_the_options_are_read()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new TrainingOptions(), ("ALEXNET_LEARNING_RATE", "1e300")));
        Assert.Contains("ALEXNET_LEARNING_RATE=1e300", error.Message);
        Assert.Contains("out of range", error.Message);
    }

    [Theory]
    [InlineData("chapter", "160", 195)]
    [InlineData("classic", "60", 65)]
    public void An_image_size_the_variant_cannot_take_is_refused_naming_the_variable_and_the_smallest_size(string variant, string size, int smallest)
    {
        var error = Assert.Throws<InvalidOptionsException>(() =>
            FromVariables(new AlexNetConfig(), ("ALEXNET_VARIANT", variant), ("ALEXNET_IMAGE_SIZE", size)));
        Assert.Contains($"ALEXNET_IMAGE_SIZE={size}", error.Message);
        Assert.Contains($"expected at least {smallest}", error.Message);
        Assert.Equal(smallest, new AlexNetConfig { Variant = Enum.Parse<AlexNetVariant>(variant, ignoreCase: true) }.MinImageSize);
    }

    [Fact]
    public void From_environment_checks_the_literals_even_when_no_variable_is_set()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new TrainingOptions { Threads = 0 }));
        Assert.Equal("TrainingOptions.Threads = 0 is out of range: expected from 1 to 1024, or null.", error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = Assert.Throws<InvalidOptionsException>(() =>
            FromVariables(new TrainingOptions { Epochs = 0 }, ("ALEXNET_THREADS", "0"), ("ALEXNET_MOMENTUM", "2")));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("3 problems with the options:", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrainingOptions.Epochs = 0", error.Message);
        Assert.Contains("ALEXNET_THREADS=0", error.Message);
        Assert.Contains("ALEXNET_MOMENTUM=2", error.Message);
    }

    [Fact]
    public void The_defaults_the_chapter_and_the_quick_profiles_are_valid()
    {
        var training = new TrainingOptions();
        Assert.Same(training, training.Validate());
        Assert.Empty(OptionsValidation.Problems(TrainingOptions.Chapter));
        foreach (var profile in Enum.GetValues<RunProfile>())
        {
            Assert.Empty(OptionsValidation.Problems(training.For(profile)));
            Assert.Empty(OptionsValidation.Problems(new DataOptions().For(profile)));
            Assert.Empty(OptionsValidation.Problems(new ThroughputOptions().For(profile)));
        }

        Assert.Empty(OptionsValidation.Problems(new DataOptions()));
        Assert.Empty(OptionsValidation.Problems(new ThroughputOptions()));
        Assert.Empty(OptionsValidation.Problems(new AlexNetConfig()));
        Assert.Empty(OptionsValidation.Problems(AlexNetConfig.Chapter));
        Assert.Empty(OptionsValidation.Problems(BatchOptions.Training()));
    }

    [Fact]
    public async Task Data_options_are_checked_before_anything_is_generated_or_downloaded()
    {
        using var temp = new TempFolder();
        var options = new DataOptions { DataSet = DataSetKind.Synthetic, CacheFolder = temp.Path, TrainSubset = 0 };

        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() => options.LoadAsync());

        Assert.Contains("DataOptions.TrainSubset = 0", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    private static string Property(string variable) =>
        string.Concat(variable["ALEXNET_".Length..].Split('_').Select(word => word[0] + word[1..].ToLowerInvariant()));
}
