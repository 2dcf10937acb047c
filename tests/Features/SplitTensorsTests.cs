using DeepCnn.Data;
using DeepCnn.Features;
using TorchSharp;

namespace DeepCnn.Tests.Features;

public sealed class SplitTensorsTests
{
    [Fact]
    public void Split_images_keep_each_byte_in_its_channel_row_and_column()
    {
        var labels = new byte[] { 3, 7 };
        var pixels = new byte[2 * CifarLayout.ImageBytes];
        // Image 1, green plane (offset 1,024), row 5, column 9.
        pixels[CifarLayout.ImageBytes + 1024 + 5 * 32 + 9] = 123;
        var split = new CifarSplit("test", labels, pixels);

        using var scope = torch.NewDisposeScope();
        var images = SplitTensors.Images(split, start: 1, count: 1);

        Assert.Equal(new long[] { 1, 3, 32, 32 }, images.shape);
        Assert.Equal(123, images[0, 1, 5, 9].item<byte>());
        Assert.Equal(123, images.sum().item<long>());
        Assert.Equal(new long[] { 3, 7 }, SplitTensors.Labels(split).data<long>().ToArray());
    }

    [Fact]
    public void Split_images_reject_a_range_past_the_end_of_the_split()
    {
        var split = new CifarSplit("test", new byte[2], new byte[2 * CifarLayout.ImageBytes]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SplitTensors.Images(split, start: 1, count: 2));
        Assert.Contains("0..2", error.Message);
    }
}
