using DeepCnn.Benchmarks;

namespace DeepCnn.Tests.Benchmarks;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void Status_fields_are_read_in_bytes()
    {
        const string status = "Name:\tdotnet\nVmHWM:\t  1204880 kB\nVmRSS:\t   947048 kB\nThreads:\t25\n";
        Assert.Equal(1_204_880L * 1024, ProcessMemory.ParseStatusField(status, "VmHWM"));
        Assert.Equal(947_048L * 1024, ProcessMemory.ParseStatusField(status, "VmRSS"));
        Assert.Equal(25, ProcessMemory.ParseStatusField(status, "Threads"));
        Assert.Null(ProcessMemory.ParseStatusField(status, "VmSwap"));
    }

    [Fact]
    public void Minor_faults_are_field_ten_even_when_the_command_name_has_spaces_and_parentheses()
    {
        const string stat = "1234 (my (odd) name) R 1 1234 1234 0 -1 4194304 219067 0 5 0 100 20";
        Assert.Equal(219_067, ProcessMemory.ParseMinorFaults(stat));
        Assert.Null(ProcessMemory.ParseMinorFaults("garbage"));
    }

    [Fact]
    public void This_process_reports_a_resident_size_no_larger_than_its_peak()
    {
        var resident = ProcessMemory.ResidentBytes();
        Assert.True(resident > 0);
        Assert.True(ProcessMemory.PeakBytes() >= resident);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(ProcessMemory.MinorFaults() > 0);
        }
    }
}
