using DeepCnn.Configuration;
using DeepCnn.Training;

namespace DeepCnn.Tests.Configuration;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class FromEnvironmentTests
{
    [Fact]
    public void From_environment_rejects_a_misspelt_variable_of_the_process()
    {
        const string Typo = "ALEXNET_LEARNINGRATE";
        Environment.SetEnvironmentVariable(Typo, "0.05");
        try
        {
            var error = Assert.Throws<InvalidOptionsException>(() => new TrainingOptions().FromEnvironment(_ => { }));
            Assert.Contains("did you mean ALEXNET_LEARNING_RATE?", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Typo, null);
        }
    }

    [Fact]
    public void From_environment_reads_the_process_variables_in_the_invariant_culture_whatever_the_current_one()
    {
        const string Variable = "ALEXNET_LEARNING_RATE";
        var culture = Thread.CurrentThread.CurrentCulture;
        Environment.SetEnvironmentVariable(Variable, "0.05");
        try
        {
            // In German "0.05" would be five (a thousands separator) and "0,05" the rate; options read the same everywhere.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(0.05, new TrainingOptions().FromEnvironment(_ => { }).LearningRate);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
