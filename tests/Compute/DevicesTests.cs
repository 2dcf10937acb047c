using DeepCnn.Compute;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Compute;

public sealed class DevicesTests
{
    [Fact]
    public void Auto_picks_cuda_when_present_and_the_cpu_otherwise()
    {
        var expected = cuda.is_available() ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU;
        Assert.Equal(expected, Devices.Resolve("auto").type);
        Assert.Equal(TorchSharp.DeviceType.CPU, Devices.Resolve("CPU").type);
    }

    [Fact]
    public void Asking_for_cuda_without_it_says_which_package_to_reference()
    {
        if (cuda.is_available())
        {
            Assert.Equal(TorchSharp.DeviceType.CUDA, Devices.Resolve("cuda").type);
            return;
        }

        var error = Assert.Throws<ArgumentException>(() => Devices.Resolve("cuda"));
        Assert.Contains("TorchSharp-cuda", error.Message);
    }

    [Fact]
    public void An_unknown_device_name_lists_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => Devices.Resolve("tpu"));
        Assert.Contains("'tpu'", error.Message);
        Assert.Contains("\"cpu\"", error.Message);
    }

    [Fact]
    public void Cuda_without_a_number_is_device_zero_not_minus_one()
    {
        // Device objects are made directly: torch.device("cuda") would ask for a CUDA backend this machine may lack.
        Assert.Equal(-1, new Device("cuda").index);
        Assert.Equal(0, Devices.CudaIndex(new Device("cuda").index));
        Assert.Equal(1, Devices.CudaIndex(new Device("cuda:1").index));
    }

    [Fact]
    public void A_cuda_device_is_described_by_its_index_the_count_and_the_name_when_known()
    {
        Assert.Equal("CUDA device 0 of 1 (NVIDIA H200)", Devices.DescribeCuda(0, 1, "NVIDIA H200"));
        Assert.Equal("CUDA device 1 of 2", Devices.DescribeCuda(1, 2, null));
    }

    [Fact]
    public void The_cpu_is_described_by_its_threads()
    {
        Assert.StartsWith($"CPU, {get_num_threads()} threads", Devices.Describe(CPU), StringComparison.Ordinal);
    }
}
