using DeepCnn.Benchmarks.Memory;
using DeepCnn.Compute;
using DeepCnn.Models;

namespace DeepCnn.Tests.Benchmarks;

// Serve sets TorchSharp's CPU thread count, as a child process does: run alone, and put the count back afterwards.
[Collection(DeepCnn.Tests.Compute.CpuThreadsCollection.Name)]
public sealed class MemoryRunTests
{
    [Fact]
    public void A_request_survives_the_trip_through_a_child_command_line()
    {
        var request = new MemoryRunRequest(AlexNetVariant.Classic, 64, AllocatorChoice.Tuned, 16, "cuda", "/opt/torch/lib");

        var args = request.ToArguments();
        Assert.Equal(MemoryRunRequest.Flag, args[0]);
        Assert.Equal(request, MemoryRunRequest.Parse(args));
        Assert.Null(MemoryRunRequest.Parse((request with { LibTorch = null }).ToArguments()).LibTorch);
    }

    [Theory]
    [InlineData("--variant", "chapter")]
    [InlineData("--variant", "chapter", "--batch", "0", "--allocator", "default", "--threads", "1", "--device", "cpu")]
    [InlineData("--variant", "chapter", "--batch", "8", "--allocator", "fast", "--threads", "1", "--device", "cpu")]
    [InlineData("--variant", "chapter", "--batch", "8", "--allocator", "default", "--threads", "1", "--device", "cpu", "--bogus", "1")]
    public void A_bad_child_command_line_is_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => MemoryRunRequest.Parse([MemoryRunRequest.Flag, .. args]));
        Assert.Throws<ArgumentException>(() => MemoryRunRequest.Parse(args));
    }

    [Fact]
    public void A_child_is_the_program_itself_or_the_dotnet_host_with_the_program()
    {
        Assert.Equal(("/app/DeepCnn.Benchmarks", 0), Shape(MemoryRunChild.SelfCommand("/app/DeepCnn.Benchmarks", "/app/DeepCnn.Benchmarks.dll")));
        var (host, prefix) = MemoryRunChild.SelfCommand("/tmp/dn/dotnet", "/tmp/app/DeepCnn.Benchmarks.dll");
        Assert.Equal("/tmp/dn/dotnet", host);
        Assert.Equal(["/tmp/app/DeepCnn.Benchmarks.dll"], prefix);
        Assert.Throws<InvalidOperationException>(() => MemoryRunChild.SelfCommand(null, null));
    }

    [Fact]
    public void Statm_gives_resident_pages_times_the_page_size()
    {
        Assert.Equal(231_234L * 4096, ResidentSampler.ParseStatm("1302336 231234 21120 5 0 350000 0\n", 4096));
        Assert.Null(ResidentSampler.ParseStatm("garbage", 4096));
    }

    [Fact]
    public void The_sampler_keeps_reading_on_its_own_thread_until_stopped()
    {
        long next = 0;
        using var sampler = new ResidentSampler(TimeSpan.FromMilliseconds(1), () => Interlocked.Increment(ref next));
        SpinWait.SpinUntil(() => Interlocked.Read(ref next) >= 5, TimeSpan.FromSeconds(10));

        var samples = sampler.Stop();
        Assert.True(samples.Count >= 5);
        Assert.Equal(samples.Select(s => s.Bytes).Order(), samples.Select(s => s.Bytes));
        Assert.Equal(samples.Select(s => s.Seconds).Order(), samples.Select(s => s.Seconds));
        var count = Interlocked.Read(ref next);
        Thread.Sleep(20);
        Assert.Equal(count, Interlocked.Read(ref next));
    }

    [Fact]
    public void This_process_samples_a_resident_size_without_a_fake()
    {
        using var sampler = new ResidentSampler(TimeSpan.FromMilliseconds(1));
        Thread.Sleep(30);
        var samples = sampler.Stop();
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.True(s.Bytes > 0));
    }

    [Fact]
    public void Images_per_second_come_from_the_median_step()
    {
        var run = MemoryRunSamples.Run("chapter", "default", peakMb: 900, stepSeconds: [1.0, 2.0, 4.0]);

        Assert.Equal(32, run.ImagesPerSecond, precision: 9);
    }

    [Fact]
    public void A_child_answers_ready_then_each_step_then_its_result_with_only_the_timed_steps()
    {
        var request = new MemoryRunRequest(AlexNetVariant.Chapter, 2, AllocatorChoice.Default, 1, "cpu", null);
        var answers = new StringWriter();

        CpuThreads.With(request.Threads, () =>
        {
            MemoryRun.Serve(request, new StringReader("warmup\nstep\nstep\nfinish\n"), answers);
            return 0;
        });

        var lines = answers.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(MemoryRun.Ready, lines[0]);
        Assert.Equal(3, lines.Count(l => l.StartsWith(MemoryRun.StepPrefix, StringComparison.Ordinal)));
        var result = System.Text.Json.JsonSerializer.Deserialize<MemoryRunResult>(lines[^1][MemoryRun.ResultPrefix.Length..])!;
        Assert.Equal(("chapter", 2), (result.Variant, result.Batch));
        Assert.Equal(2, result.StepSeconds.Count);
        Assert.Equal(3, result.ResidentAfterStep.Count);
        Assert.All(result.StepSeconds, s => Assert.True(s > 0));
        Assert.True(result.SampledLowBytes > 0 && result.SampledLowBytes <= result.SampledHighBytes);
        if (result.PeakReset)
        {
            // The kernel's peak is exact; a sample can only have seen less.
            Assert.True(result.PeakBytes >= result.SampledHighBytes, $"peak {result.PeakBytes} < sampled {result.SampledHighBytes}");
        }
    }

    [Fact]
    public void A_child_refuses_a_command_it_does_not_know()
    {
        var request = new MemoryRunRequest(AlexNetVariant.Chapter, 2, AllocatorChoice.Default, 1, "cpu", null);

        var error = Assert.Throws<InvalidOperationException>(() => CpuThreads.With(request.Threads, () =>
        {
            MemoryRun.Serve(request, new StringReader("jump\n"), new StringWriter());
            return 0;
        }));
        Assert.Contains("'jump'", error.Message, StringComparison.Ordinal);
    }

    private static (string, int) Shape((string FileName, IReadOnlyList<string> Prefix) command) => (command.FileName, command.Prefix.Count);
}
