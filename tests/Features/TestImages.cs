using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Features;

/// <summary>Small hand-drawn image batches with a known answer.</summary>
internal static class TestImages
{
    public const int Side = 32;

    /// <summary>One image 1 x 3 x 32 x 32 (uint8) of a single colour.</summary>
    public static Tensor Uniform(byte red, byte green, byte blue)
    {
        var colour = torch.tensor(new[] { red, green, blue }).view(1, 3, 1, 1);
        return colour.expand(1, 3, Side, Side).contiguous();
    }

    /// <summary>
    /// One gray image 1 x 3 x 32 x 32 (uint8): <paramref name="bright"/> where <paramref name="isBright"/>(row, column)
    /// holds, <paramref name="dark"/> elsewhere. Rows count downwards, as in the image.
    /// </summary>
    public static Tensor TwoTone(Func<Tensor, Tensor, Tensor> isBright, byte bright = 200, byte dark = 50)
    {
        using var scope = torch.NewDisposeScope();
        var rows = torch.arange(Side).view(Side, 1);
        var columns = torch.arange(Side).view(1, Side);
        var mask = isBright(rows, columns).expand(Side, Side);
        var gray = torch.where(mask, torch.tensor(bright), torch.tensor(dark)).to(ScalarType.Byte);
        return gray.view(1, 1, Side, Side).expand(1, 3, Side, Side).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>A batch N x 3 x 32 x 32 (uint8) of noise, the same for the same seed.</summary>
    public static Tensor Noise(int count, int seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.randint(0, 256, [count, 3, Side, Side], dtype: ScalarType.Byte, generator: generator);
    }

    /// <summary>The live tensors of this thread (xunit runs each test on one thread; other tests run on others).</summary>
    public static long LiveTensors => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
}
