using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class NvidiaSmiTests
{
    private const string OneH200 = "0, GPU-8f6c2b1e-1111-2222-3333-444455556666, NVIDIA H200\n";

    private const string Mixed = """
        0, GPU-aaaaaaaa-0000-0000-0000-000000000000, NVIDIA GeForce RTX 3090
        1, GPU-bbbbbbbb-0000-0000-0000-000000000000, NVIDIA A100-SXM4-80GB
        """;

    [Fact]
    public void Csv_lines_give_index_uuid_and_a_name_that_may_hold_commas()
    {
        var gpus = NvidiaSmi.Parse("0, GPU-1, NVIDIA H100 80GB HBM3\n1, GPU-2, Odd, Name\r\nNo devices were found\n\n");

        Assert.Equal([new NvidiaGpu(0, "GPU-1", "NVIDIA H100 80GB HBM3"), new NvidiaGpu(1, "GPU-2", "Odd, Name")], gpus);
    }

    [Fact]
    public void One_card_is_named_for_cuda_device_zero_and_nothing_else()
    {
        var gpus = NvidiaSmi.Parse(OneH200);

        Assert.Equal("NVIDIA H200", NvidiaSmi.NameOf(0, gpus, visibleDevices: null, deviceOrder: null));
        Assert.Null(NvidiaSmi.NameOf(1, gpus, null, null));
        Assert.Null(NvidiaSmi.NameOf(0, [], null, null));
    }

    [Fact]
    public void Cuda_visible_devices_renumbers_the_cards_by_index_or_uuid()
    {
        var gpus = NvidiaSmi.Parse(Mixed);

        Assert.Equal("NVIDIA A100-SXM4-80GB", NvidiaSmi.NameOf(0, gpus, "1", null));
        Assert.Equal("NVIDIA A100-SXM4-80GB", NvidiaSmi.NameOf(0, gpus, "GPU-bbbbbbbb", null));
        Assert.Null(NvidiaSmi.NameOf(0, gpus, "", null));
        Assert.Null(NvidiaSmi.NameOf(0, gpus, "7", null));
    }

    [Fact]
    public void Different_cards_are_named_only_when_cuda_numbers_them_in_bus_order()
    {
        var gpus = NvidiaSmi.Parse(Mixed);

        Assert.Null(NvidiaSmi.NameOf(1, gpus, null, deviceOrder: null));
        Assert.Equal("NVIDIA A100-SXM4-80GB", NvidiaSmi.NameOf(1, gpus, null, "PCI_BUS_ID"));
        Assert.Equal("NVIDIA GeForce RTX 3090", NvidiaSmi.NameOf(1, gpus, "1,0", "PCI_BUS_ID"));
    }
}
