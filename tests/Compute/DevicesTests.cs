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
}
