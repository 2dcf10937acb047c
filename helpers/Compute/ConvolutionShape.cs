namespace DeepCnn.Compute;

/// <summary>
/// The shape of a square 2-D convolution layer, and the arithmetic it costs. Each output value is a dot product over
/// <c>InChannels x Kernel x Kernel</c> inputs: that many multiplies and adds, so twice that many FLOPs.
/// </summary>
/// <param name="InChannels">Channels of the input (3 for an RGB image).</param>
/// <param name="InputSide">Height and width of the input.</param>
/// <param name="Filters">Output channels, one per filter.</param>
/// <param name="Kernel">Height and width of each filter.</param>
/// <param name="Stride">Step between neighbouring filter positions.</param>
/// <param name="Padding">Zeros added on each border.</param>
public sealed record ConvolutionShape(int InChannels, int InputSide, int Filters, int Kernel, int Stride, int Padding = 0)
{
    /// <summary>AlexNet's first layer: a 3 x 224 x 224 image, 96 filters of 11 x 11, stride 4, no padding (output 96 x 54 x 54).</summary>
    public static ConvolutionShape AlexNetConv1 { get; } = new(InChannels: 3, InputSide: 224, Filters: 96, Kernel: 11, Stride: 4);

    /// <summary>Height and width of the output: <c>(InputSide + 2 Padding - Kernel) / Stride + 1</c>, rounded down.</summary>
    public int OutputSide => (InputSide + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>Multiply-adds behind one output value: <c>InChannels x Kernel x Kernel</c>.</summary>
    public long MultiplyAddsPerOutput => (long)InChannels * Kernel * Kernel;

    /// <summary>Output values for one image: <c>Filters x OutputSide x OutputSide</c>.</summary>
    public long OutputsPerImage => (long)Filters * OutputSide * OutputSide;

    /// <summary>
    /// FLOPs of the forward pass for one image: 2 x multiply-adds per output x outputs (203,233,536 for AlexNet's
    /// first layer). The bias adds one more per output, under 0.1% here, and is left out as <c>ModelSummary</c> does.
    /// </summary>
    public long FlopsPerImage => 2 * MultiplyAddsPerOutput * OutputsPerImage;

    /// <summary>Input shape for a batch: <c>batch x InChannels x InputSide x InputSide</c>.</summary>
    public long[] InputShape(int batch) => [batch, InChannels, InputSide, InputSide];

    /// <summary>Weight shape: <c>Filters x InChannels x Kernel x Kernel</c>.</summary>
    public long[] WeightShape => [Filters, InChannels, Kernel, Kernel];

    /// <summary>"3x224x224 -> 96 filters 11x11, stride 4, padding 0 -> 96x54x54".</summary>
    public override string ToString() =>
        $"{InChannels}x{InputSide}x{InputSide} -> {Filters} filters {Kernel}x{Kernel}, stride {Stride}, padding {Padding} -> {Filters}x{OutputSide}x{OutputSide}";
}
