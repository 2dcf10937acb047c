using System.Xml.Linq;

namespace DeepCnn.Tests.Notebooks;

/// <summary>tests/tests.runsettings: the environment that keeps the suite within minutes reaches the test host and the processes it starts.</summary>
public sealed class TestSettingsTests
{
    private static IReadOnlyList<(string Name, string Value)> Variables { get; } = XDocument
        .Load(Path.Combine(RepositoryPaths.Root, "tests", "tests.runsettings"))
        .Descendants("EnvironmentVariables").Single().Elements()
        .Select(e => (e.Name.LocalName, e.Value))
        .ToList();

    [Fact]
    public void The_test_host_runs_with_every_variable_the_settings_name()
    {
        Assert.Contains(Variables, v => v.Name == "OMP_WAIT_POLICY");
        Assert.All(Variables, v => Assert.Equal(v.Value, Environment.GetEnvironmentVariable(v.Name)));
    }

    [Fact]
    public void The_processes_the_tests_start_inherit_them()
    {
        // Notebook runs, nbconvert and the main job are started the same way (ExternalProcess).
        var echo = ExternalProcess.Run("bash", ["-c", string.Join("; ", Variables.Select(v => $"echo \"{v.Name}=${v.Name}\""))], TimeSpan.FromMinutes(1));

        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.All(Variables, v => Assert.Contains($"{v.Name}={v.Value}", echo.Output, StringComparison.Ordinal));
    }
}
