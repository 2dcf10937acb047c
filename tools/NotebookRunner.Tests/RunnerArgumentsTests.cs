namespace DeepCnn.NotebookExecution.Tests;

public sealed class RunnerArgumentsTests
{
    [Fact]
    public void Quick_sets_the_profile_unless_env_sets_it()
    {
        Assert.True(RunnerArguments.TryParse(["--quick", "a.ipynb"], out var quick, out _));
        Assert.Equal("quick", quick.Environment["ALEXNET_PROFILE"]);

        Assert.True(RunnerArguments.TryParse(["--quick", "--env", "ALEXNET_PROFILE=full", "a.ipynb"], out var explicitEnv, out _));
        Assert.Equal("full", explicitEnv.Environment["ALEXNET_PROFILE"]);
    }

    [Fact]
    public void Quick_and_full_runs_write_to_folders_of_their_own_unless_output_is_given()
    {
        Assert.True(RunnerArguments.TryParse(["--quick", "a.ipynb"], out var quick, out _));
        Assert.Equal(Path.Combine("artifacts", "notebooks", "quick"), quick.OutputDirectory);

        Assert.True(RunnerArguments.TryParse(["--env", "ALEXNET_PROFILE=Quick ", "a.ipynb"], out var quickEnv, out _));
        Assert.Equal(Path.Combine("artifacts", "notebooks", "quick"), quickEnv.OutputDirectory);

        Assert.True(RunnerArguments.TryParse(["--quick", "--env", "ALEXNET_PROFILE=full", "a.ipynb"], out var full, out _));
        Assert.Equal(Path.Combine("artifacts", "notebooks", "full"), full.OutputDirectory);

        Assert.True(RunnerArguments.TryParse(["--quick", "--output", "mine", "a.ipynb"], out var chosen, out _));
        Assert.Equal("mine", chosen.OutputDirectory);

        // Without --quick or --env, the profile the notebooks will see is the runner's own environment's.
        Assert.Equal(Path.Combine("artifacts", "notebooks", "quick"), RunnerArguments.DefaultOutput("quick"));
        Assert.Equal(Path.Combine("artifacts", "notebooks", "full"), RunnerArguments.DefaultOutput(null));
        Assert.Equal(Path.Combine("artifacts", "notebooks", "full"), RunnerArguments.DefaultOutput(""));
    }

    [Fact]
    public void Options_take_their_value_after_a_space_or_an_equals_sign()
    {
        Assert.True(RunnerArguments.TryParse(["--output=out", "--cell-timeout", "2.5", "-e", "A=1", "--env=B=", "x.ipynb", "y"], out var parsed, out var error), error);

        Assert.Equal("out", parsed.OutputDirectory);
        Assert.Equal(TimeSpan.FromSeconds(2.5), parsed.CellTimeout);
        Assert.Equal("1", parsed.Environment["A"]);
        Assert.Equal("", parsed.Environment["B"]);
        Assert.Equal(["x.ipynb", "y"], parsed.Paths);
    }

    [Fact]
    public void A_cell_timeout_of_zero_means_no_limit()
    {
        Assert.True(RunnerArguments.TryParse(["--cell-timeout", "0", "a.ipynb"], out var parsed, out _));
        Assert.Equal(Timeout.InfiniteTimeSpan, parsed.CellTimeout);
    }

    [Fact]
    public void The_full_profile_has_no_cell_limit_by_default_and_the_quick_profile_keeps_one()
    {
        var saved = Environment.GetEnvironmentVariable("ALEXNET_PROFILE");
        try
        {
            Environment.SetEnvironmentVariable("ALEXNET_PROFILE", null);
            Assert.True(RunnerArguments.TryParse(["a.ipynb"], out var full, out _));
            Assert.Equal(Timeout.InfiniteTimeSpan, full.CellTimeout);

            Assert.True(RunnerArguments.TryParse(["--quick", "a.ipynb"], out var quick, out _));
            Assert.Equal(NotebookRunOptions.QuickCellTimeout, quick.CellTimeout);

            Assert.True(RunnerArguments.TryParse(["--env", "ALEXNET_PROFILE=quick", "a.ipynb"], out var quickByEnv, out _));
            Assert.Equal(NotebookRunOptions.QuickCellTimeout, quickByEnv.CellTimeout);

            // --quick with an explicit full profile is the full profile.
            Assert.True(RunnerArguments.TryParse(["--quick", "--env", "ALEXNET_PROFILE=full", "a.ipynb"], out var fullByEnv, out _));
            Assert.Equal(Timeout.InfiniteTimeSpan, fullByEnv.CellTimeout);

            // The profile the runner inherits counts too, and an explicit limit wins in either profile.
            Environment.SetEnvironmentVariable("ALEXNET_PROFILE", "quick");
            Assert.True(RunnerArguments.TryParse(["a.ipynb"], out var inherited, out _));
            Assert.Equal(NotebookRunOptions.QuickCellTimeout, inherited.CellTimeout);
            Assert.True(RunnerArguments.TryParse(["--cell-timeout", "5", "a.ipynb"], out var explicitLimit, out _));
            Assert.Equal(TimeSpan.FromSeconds(5), explicitLimit.CellTimeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ALEXNET_PROFILE", saved);
        }
    }

    [Theory]
    [InlineData("--heartbeat", "0", "a.ipynb")]
    [InlineData("--heartbeat", "often", "a.ipynb")]
    [InlineData("--env", "NOEQUALS", "a.ipynb")]
    [InlineData("--cell-timeout", "soon", "a.ipynb")]
    [InlineData("--cell-timeout", "-1", "a.ipynb")]
    [InlineData("a.ipynb", "--output")]
    [InlineData("--bogus", "a.ipynb")]
    [InlineData("--echo")]
    [InlineData("--child-report", "report.json", "a.ipynb", "b.ipynb")]
    public void Bad_arguments_are_rejected_with_a_reason(params string[] args)
    {
        Assert.False(RunnerArguments.TryParse(args, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
