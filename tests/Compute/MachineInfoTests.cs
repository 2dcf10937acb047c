using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class MachineInfoTests
{
    [Fact]
    public void Current_machine_has_a_processor_name_cores_and_versions()
    {
        var machine = MachineInfo.Current();

        Assert.False(string.IsNullOrWhiteSpace(machine.Processor));
        Assert.True(machine.LogicalCores > 0);
        Assert.True(machine.TorchThreads > 0);
        Assert.StartsWith("0.", machine.TorchSharpVersion, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+", machine.LibTorchVersion);
        Assert.Contains(".NET", machine.DotNetVersion, StringComparison.Ordinal);
        Assert.Equal(machine.CudaAvailable, machine.CudaDevices > 0);
    }

    [Fact]
    public void Summary_is_one_line_naming_the_processor_and_torchsharp()
    {
        var machine = MachineInfo.Current();
        var line = machine.ToString();

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith(machine.Processor, line, StringComparison.Ordinal);
        Assert.Contains($"TorchSharp {machine.TorchSharpVersion}", line, StringComparison.Ordinal);
    }
}
