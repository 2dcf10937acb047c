using DeepCnn.Configuration;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;

namespace DeepCnn.Tests.Configuration;

public sealed class EnvironmentOverridesTests
{
    private readonly List<string> reports = [];

    private T Apply<T>(T options, params (string Name, string Value)[] variables) where T : class
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return EnvironmentOverrides.Apply(options, name => environment.GetValueOrDefault(name), reports.Add);
    }

    [Theory]
    [InlineData("Epochs", "ALEXNET_EPOCHS")]
    [InlineData("LearningRate", "ALEXNET_LEARNING_RATE")]
    [InlineData("TrainAccuracyImages", "ALEXNET_TRAIN_ACCURACY_IMAGES")]
    [InlineData("DataSet", "ALEXNET_DATA_SET")]
    public void Variable_names_are_the_prefix_and_the_property_in_upper_snake_case(string property, string expected) =>
        Assert.Equal(expected, EnvironmentOverrides.VariableFor(property));

    [Fact]
    public void Nothing_set_leaves_the_literals_untouched()
    {
        var options = new TrainingOptions { Epochs = 7 };
        Assert.Same(options, Apply(options));
        Assert.Empty(reports);
    }

    [Fact]
    public void Variables_override_numbers_enums_and_nullables_and_each_override_is_reported()
    {
        var options = Apply(new TrainingOptions { Epochs = 7 },
            ("ALEXNET_EPOCHS", "2"), ("ALEXNET_LEARNING_RATE", "0.05"), ("ALEXNET_NORMALIZE", "false"),
            ("ALEXNET_TRAIN_ACCURACY_IMAGES", "none"), ("ALEXNET_AUGMENT", "true"));
        Assert.Equal(2, options.Epochs);
        Assert.Equal(0.05, options.LearningRate);
        Assert.False(options.Normalize);
        Assert.Null(options.TrainAccuracyImages);
        Assert.True(options.Augment);
        Assert.Equal(5, reports.Count);
        var config = Apply(new AlexNetConfig(), ("ALEXNET_VARIANT", "classic"), ("ALEXNET_IMAGE_SIZE", "256"));
        Assert.Equal(AlexNetVariant.Classic, config.Variant);
        Assert.Equal(256, config.ImageSize);
        Assert.Contains(reports, r => r.Contains("ALEXNET_EPOCHS=2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_value_names_the_variable_the_value_and_what_was_expected()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => Apply(new TrainingOptions(), ("ALEXNET_EPOCHS", "ten")));
        Assert.Contains("ALEXNET_EPOCHS", error.Message);
        Assert.Contains("'ten'", error.Message);
        Assert.Contains("whole number", error.Message);

        var variant = Assert.Throws<InvalidOptionsException>(() => Apply(new AlexNetConfig(), ("ALEXNET_VARIANT", "vgg")));
        Assert.Contains("Chapter, Classic", variant.Message);
    }

    [Fact]
    public void Quick_profile_shrinks_data_and_training_and_explicit_variables_still_win()
    {
        var data = Apply(new DataOptions(), ("ALEXNET_PROFILE", "quick"));
        Assert.Equal(DataSetKind.Synthetic, data.DataSet);
        Assert.True(data.TrainSubset <= 768);

        var training = Apply(new TrainingOptions { Epochs = 30 }, ("ALEXNET_PROFILE", "quick"), ("ALEXNET_EPOCHS", "1"));
        Assert.Equal(1, training.Epochs);
        Assert.True(training.BatchSize <= 16);
        Assert.Contains(reports, r => r.Contains("quick profile", StringComparison.Ordinal));
    }

    [Fact]
    public void The_class_profile_keeps_the_real_data_and_cuts_it_to_a_lesson()
    {
        var data = Apply(new DataOptions(), ("ALEXNET_PROFILE", "class"));
        Assert.Equal(DataSetKind.Cifar10, data.DataSet);
        Assert.Equal(10_000, data.TrainSubset);
        Assert.Equal(2_000, data.TestSubset);
        var training = Apply(new TrainingOptions(), ("ALEXNET_PROFILE", "class"));
        Assert.Equal(3, training.Epochs);
        Assert.Equal(64, training.BatchSize);
        Assert.Contains(reports, r => r.Contains("class profile", StringComparison.Ordinal));
        // A reader's smaller choices stay.
        Assert.Equal(1, Apply(new TrainingOptions { Epochs = 1 }, ("ALEXNET_PROFILE", "class")).Epochs);
    }

    [Fact]
    public void An_unknown_profile_is_an_error_that_lists_the_profiles()
    {
        var error = Assert.Throws<InvalidOptionsException>(() => Apply(new DataOptions(), ("ALEXNET_PROFILE", "fast")));
        Assert.Contains("'full', 'class' or 'quick'", error.Message);
    }

    [Fact]
    public void Chapter_options_keep_the_chapters_known_gaps_for_comparison()
    {
        var chapter = TrainingOptions.Chapter;
        Assert.Equal(0.001, chapter.LearningRate);
        Assert.Equal(0, chapter.Momentum);
        Assert.False(chapter.Normalize);
        Assert.Equal(64, chapter.BatchSize);
        Assert.Equal(1, chapter.Epochs);
        Assert.Equal(0.01, chapter.LossSmoothing);
        Assert.Equal(0, AlexNetConfig.Chapter.Dropout);
        Assert.Equal(2.24, AlexNetConfig.Chapter.XavierMagnitude);
        Assert.Equal(224, AlexNetConfig.Chapter.ImageSize);
    }
}
