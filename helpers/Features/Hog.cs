using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace DeepCnn.Features;

/// <summary>
/// A histogram of oriented gradients (after Dalal and Triggs, 2005), the shape feature of the hand-made pipeline:
/// where the edges are and which way they run, with the colour and the exact position thrown away.
/// </summary>
public static class Hog
{
    // ITU-R BT.601 luma weights: the usual grayscale, matching what "brightness" means to the eye.
    private static readonly float[] LumaWeights = [0.299f, 0.587f, 0.114f];

    // Block vectors are divided by sqrt(|v|^2 + Epsilon^2): a flat block stays 0 instead of dividing by zero.
    private const double Epsilon = 1e-3;

    /// <summary>
    /// Number of features for an image of <paramref name="height"/> x <paramref name="width"/> pixels:
    /// blocks down x blocks across x bins x cells per block (288 for 32 x 32 and the default options).
    /// </summary>
    public static int Dimension(int height, int width, HogOptions? options = null)
    {
        options ??= new HogOptions();
        var (cellsDown, cellsAcross) = CellGrid(height, width, options);
        return (cellsDown - options.BlockCells + 1) * (cellsAcross - options.BlockCells + 1)
            * options.OrientationBins * options.BlockCells * options.BlockCells;
    }

    /// <summary>
    /// HOG features of <paramref name="images"/> (N x 3 x H x W, uint8 or float on the byte scale 0..255): a float
    /// tensor N x <see cref="Dimension"/>. Laid out block by block (row-major over the block grid); within a
    /// block, bin by bin, and within a bin the block's cells row-major. Each block has L2 norm 1 (0 if flat).
    /// </summary>
    public static Tensor Compute(Tensor images, HogOptions? options = null)
    {
        options ??= new HogOptions();
        var (count, _, _) = ImageShape.Require(images, nameof(images));
        using var scope = torch.NewDisposeScope();
        var cells = CellHistograms(images, options);
        var blockCells = options.BlockCells;
        // N x bins x cellsDown x cellsAcross -> N x bins x blocksDown x blocksAcross x blockCells x blockCells.
        var blocks = cells.unfold(2, blockCells, 1).unfold(3, blockCells, 1)
            .permute(0, 2, 3, 1, 4, 5)
            .reshape(count, -1, options.OrientationBins * blockCells * blockCells);
        var norm = blocks.square().sum(-1, keepdim: true).add(Epsilon * Epsilon).sqrt();
        return blocks.div(norm).reshape(count, -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The cell histograms before block normalisation: a float tensor N x bins x cellsDown x cellsAcross, each
    /// entry the summed gradient magnitude of the cell's pixels in that orientation bin (for drawing HOG glyphs).
    /// </summary>
    public static Tensor CellHistograms(Tensor images, HogOptions? options = null)
    {
        options ??= new HogOptions();
        var (count, height, width) = ImageShape.Require(images, nameof(images));
        var (cellsDown, cellsAcross) = CellGrid(checked((int)height), checked((int)width), options);
        var bins = options.OrientationBins;
        var cell = options.CellSize;

        using var scope = torch.NewDisposeScope();
        var (magnitude, orientation) = GradientTensors(Grayscale(images));

        // Linear ("soft") binning: bin k is centred on k x 180/bins degrees, and a pixel splits its magnitude between
        // the two nearest centres, wrapping 180 back to 0, so a small turn of an edge moves the feature smoothly.
        var position = orientation.div(180.0 / bins);
        var lower = position.floor();
        var upperShare = position.sub(lower);
        var lowerBin = lower.to(ScalarType.Int64).remainder(bins);
        var upperBin = lowerBin.add(1).remainder(bins);
        var perPixel = torch.zeros(count, bins, height, width, dtype: ScalarType.Float32)
            .scatter_add_(1, lowerBin, magnitude.mul(upperShare.neg().add(1)))
            .scatter_add_(1, upperBin, magnitude.mul(upperShare));

        return perPixel.view(count, bins, cellsDown, cell, cellsAcross, cell)
            .sum([3, 5])
            .MoveToOuterDisposeScope();
    }

    /// <summary>Luminance, gradient magnitude and orientation of one image (its bytes: R, G, B planes of 32 x 32).</summary>
    public static GradientMap Gradients(ReadOnlySpan<byte> image)
    {
        using var scope = torch.NewDisposeScope();
        return Gradients(SplitTensors.Image(image));
    }

    /// <summary>Luminance, gradient magnitude and orientation of one image, a tensor 3 x H x W or 1 x 3 x H x W (0..255).</summary>
    public static GradientMap Gradients(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = torch.NewDisposeScope();
        var batch = image.dim() == 3 ? image.unsqueeze(0) : image;
        var (count, height, width) = ImageShape.Require(batch, nameof(image));
        if (count != 1)
        {
            throw new ArgumentException($"A batch of {count} images; expected one (3 x H x W or 1 x 3 x H x W).", nameof(image));
        }

        var gray = Grayscale(batch);
        var (magnitude, orientation) = GradientTensors(gray);
        return new GradientMap(ToGrid(gray, height, width), ToGrid(magnitude, height, width), ToGrid(orientation, height, width));
    }

    /// <summary>Luminance 0..1, N x 1 x H x W.</summary>
    private static Tensor Grayscale(Tensor images)
    {
        var weights = torch.tensor(LumaWeights).view(1, 3, 1, 1);
        return images.to(ScalarType.Float32).mul(weights).sum(1, keepdim: true).div(255.0);
    }

    /// <summary>Magnitude and unsigned orientation (degrees, 0..180) per pixel of luminance N x 1 x H x W, each N x 1 x H x W.</summary>
    private static (Tensor Magnitude, Tensor Orientation) GradientTensors(Tensor gray)
    {
        // Central differences, the kernels Dalal and Triggs found best: right minus left, and top minus bottom so
        // that angles run counter-clockwise as on a maths plot (image rows grow downwards).
        var horizontal = torch.tensor(new float[] { -1, 0, 1 }).view(1, 1, 1, 3);
        var vertical = torch.tensor(new float[] { 1, 0, -1 }).view(1, 1, 3, 1);
        // Replicate the border rather than pad with zeros: a zero border would draw a false edge round every image.
        var gx = F.conv2d(F.pad(gray, [1, 1, 0, 0], PaddingModes.Replicate), horizontal);
        var gy = F.conv2d(F.pad(gray, [0, 0, 1, 1], PaddingModes.Replicate), vertical);
        var magnitude = torch.hypot(gx, gy);
        // Unsigned: a dark-to-light edge and a light-to-dark one at the same angle count alike.
        var orientation = torch.atan2(gy, gx).rad2deg().remainder(180.0);
        return (magnitude, orientation);
    }

    private static (int Down, int Across) CellGrid(int height, int width, HogOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CellSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OrientationBins, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockCells, 1);
        if (height % options.CellSize != 0 || width % options.CellSize != 0)
        {
            throw new ArgumentException(
                $"A {height} x {width} image does not divide into {options.CellSize}-pixel cells; expected sides that are multiples of {options.CellSize}.");
        }

        var (down, across) = (height / options.CellSize, width / options.CellSize);
        if (down < options.BlockCells || across < options.BlockCells)
        {
            throw new ArgumentException(
                $"{down} x {across} cells cannot hold a block of {options.BlockCells} x {options.BlockCells} cells; expected smaller cells or blocks.");
        }

        return (down, across);
    }

    private static float[,] ToGrid(Tensor map, long height, long width)
    {
        var values = map.contiguous().data<float>().ToArray();
        var grid = new float[height, width];
        Buffer.BlockCopy(values, 0, grid, 0, values.Length * sizeof(float));
        return grid;
    }
}
