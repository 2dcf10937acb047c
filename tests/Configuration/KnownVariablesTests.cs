using DeepCnn.Compute;
using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.Tests.Configuration;

public sealed class KnownVariablesTests
{
    private static T FromVariables<T>(T options, params (string Name, string Value)[] variables) where T : class =>
        EnvironmentOverrides.Apply(options, variables.ToDictionary(v => v.Name, v => v.Value), _ => { });

    [Fact]
    public void A_misspelt_variable_is_rejected_with_a_suggestion_and_the_known_names()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new TrainingOptions(), ("ALEXNET_LEARNINGRATE", "0.05")));

        Assert.Contains("ALEXNET_LEARNINGRATE (did you mean ALEXNET_LEARNING_RATE?)", error.Message);
        Assert.Contains("Known names: ", error.Message);
        Assert.Contains("ALEXNET_EPOCHS", error.Message);
        Assert.Contains("ALEXNET_CIFAR10_SOURCE", error.Message);
    }

    [Fact]
    public void A_name_like_no_other_is_rejected_without_a_guess()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => FromVariables(new DataOptions(), ("ALEXNET_FOO", "1")));

        Assert.Contains("Unknown environment variable ALEXNET_FOO:", error.Message);
        Assert.DoesNotContain("did you mean", error.Message);
    }

    [Fact]
    public void A_variable_of_another_options_record_is_not_unknown()
    {
        var training = FromVariables(new TrainingOptions(), ("ALEXNET_TRAIN_SUBSET", "100"), ("ALEXNET_CONVOLUTION_BATCH", "2"), ("ALEXNET_EPOCHS", "2"));
        Assert.Equal(2, training.Epochs);

        var data = FromVariables(new DataOptions(), ("ALEXNET_EPOCHS", "2"), ("ALEXNET_ALLOCATOR", "default"), ("ALEXNET_PROFILE", "full"));
        Assert.Equal(new DataOptions(), data);
    }

    [Fact]
    public void An_unknown_name_with_an_empty_value_is_left_alone_like_any_unset_variable() =>
        Assert.Equal(new DataOptions(), FromVariables(new DataOptions(), ("ALEXNET_FOO", " ")));

    [Fact]
    public void Known_names_are_every_options_property_and_every_variable_read_directly()
    {
        var expected = new[] { typeof(TrainingOptions), typeof(DataOptions), typeof(ThroughputOptions), typeof(AlexNetConfig), typeof(EvaluationOptions) }
            .SelectMany(type => type.GetProperties().Where(p => p.CanWrite))
            .Select(p => EnvironmentOverrides.VariableFor(p.Name))
            .Concat([EnvironmentOverrides.ProfileVariable, Cifar10Source.EnvironmentVariable, AllocatorTuning.Variable]);

        Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), KnownVariables.All);
    }

    [Fact]
    public void Options_declared_outside_the_library_bring_their_own_names()
    {
        var options = FromVariables(new ExerciseOptions(), ("ALEXNET_EXTRA_LAYERS", "2"), ("ALEXNET_EPOCHS", "3"));
        Assert.Equal(2, options.ExtraLayers);
        Assert.Contains("ALEXNET_EXTRA_LAYERS", KnownVariables.For(typeof(ExerciseOptions)));
        Assert.DoesNotContain("ALEXNET_EXTRA_LAYERS", KnownVariables.All);
    }

    [Fact]
    public void A_name_in_the_wrong_case_is_unknown_where_names_are_case_sensitive()
    {
        void Read() => FromVariables(new TrainingOptions(), ("alexnet_epochs", "1"));
        if (OperatingSystem.IsWindows())
        {
            // Windows reads variables case-insensitively: alexnet_epochs is ALEXNET_EPOCHS there.
            Read();
            return;
        }

        var error = Assert.Throws<InvalidOptionsException>(Read);
        Assert.Contains("alexnet_epochs (did you mean ALEXNET_EPOCHS?)", error.Message);
    }

    [Theory]
    [InlineData("ALEXNET_EPOCH", "ALEXNET_EPOCHS")]
    [InlineData("ALEXNET_BATCHSIZE", "ALEXNET_BATCH_SIZE")]
    [InlineData("ALEXNET_CIFAR_SOURCE", "ALEXNET_CIFAR10_SOURCE")]
    [InlineData("ALEXNET_TREADS", "ALEXNET_THREADS")]
    [InlineData("ALEXNET_X", null)]
    public void The_suggestion_is_the_nearest_known_name_within_a_few_edits(string name, string? expected) =>
        Assert.Equal(expected, KnownVariables.Closest(name, KnownVariables.All));

    /// <summary>A reader's own options record, as an exercise might add one in a notebook.</summary>
    private sealed record ExerciseOptions
    {
        public int ExtraLayers { get; init; }

        public int Epochs { get; init; } = 1;
    }
}
