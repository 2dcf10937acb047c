using System.Diagnostics;
using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public class ChildProcessEndTests
{
    [Fact]
    public void A_child_that_has_ended_has_its_last_stderr_line_read_even_when_the_pipe_closes_later()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The shell exits at once; a background job keeps stderr open and writes the reason 300 ms later, as a
        // worker's last words can still be in the pipe when its exit is seen.
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("(sleep 0.3; echo 'the reason' >&2) & exit 3");
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        };
        process.BeginErrorReadLine();

        Assert.True(ChildProcessEnd.WaitForLastLines(process, TimeSpan.FromSeconds(10)));

        Assert.Equal(3, process.ExitCode);
        lock (lines)
        {
            Assert.Contains("the reason", lines);
        }
    }

    [Fact]
    public void The_stderr_tail_keeps_the_last_lines_including_those_still_in_the_pipe_when_the_child_ended()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("for i in 1 2 3 4 5 6 7 8; do echo $i >&2; done; (sleep 0.3; echo 'the reason' >&2) & exit 3");
        using var process = Process.Start(start)!;
        var tail = new StderrTail(process, keep: 3);

        Assert.Equal(string.Join(Environment.NewLine, "7", "8", "the reason"), tail.Text());
    }

    [Fact]
    public void A_child_still_running_after_the_grace_is_reported_as_running_without_waiting_longer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo("/bin/sleep", "30") { UseShellExecute = false })!;
        try
        {
            var clock = Stopwatch.StartNew();

            Assert.False(ChildProcessEnd.WaitForLastLines(process, TimeSpan.FromMilliseconds(200)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"waited {clock.Elapsed}");
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    [Fact]
    public void Closing_a_child_that_ignores_its_stdin_kills_it_after_the_grace()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var process = Process.Start(new ProcessStartInfo("/bin/sleep", "30") { RedirectStandardInput = true, UseShellExecute = false })!;
        var id = process.Id;
        var clock = Stopwatch.StartNew();

        ChildProcessEnd.Close(process, TimeSpan.FromMilliseconds(200));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.False(IsRunning(id));
    }

    [Fact]
    public void Closing_a_child_that_reads_its_stdin_lets_it_finish_on_its_own()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // cat ends when its stdin closes, long before the grace is over; the marker file shows it was not killed.
        using var temp = new TempFolder();
        var marker = temp.Combine("ended");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"cat > /dev/null; touch '{marker}'");
        var process = Process.Start(start)!;

        ChildProcessEnd.Close(process, TimeSpan.FromSeconds(20));

        Assert.True(File.Exists(marker));
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var found = Process.GetProcessById(id);
            return !found.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
