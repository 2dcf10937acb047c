using System.Diagnostics;
using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class ToolOutputTests
{
    [Fact]
    public void A_tool_that_succeeds_gives_its_output()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal("NVIDIA H200\n", ToolOutput.Read("/bin/echo", "NVIDIA H200", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_missing_or_failing_tool_gives_nothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Null(ToolOutput.Read("no-such-tool-anywhere", "", TimeSpan.FromSeconds(10)));
        Assert.Null(ToolOutput.Read("/bin/sh", "-c \"echo partial; exit 9\"", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_tool_that_hangs_is_given_up_on_at_the_limit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var clock = Stopwatch.StartNew();

        Assert.Null(ToolOutput.Read("/bin/sleep", "30", TimeSpan.FromMilliseconds(300)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
