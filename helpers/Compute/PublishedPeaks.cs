namespace DeepCnn.Compute;

/// <summary>
/// Published peak numbers of a few GPUs and CPUs, for scale beside this machine's measurements. These are quoted from
/// vendor datasheets (or derived from published core counts and clocks, as each note says), not measured here: label
/// them "published" wherever they are shown.
/// </summary>
public static class PublishedPeaks
{
    /// <summary>The GPU AlexNet was trained on in 2012 (two of them, 3 GB each).</summary>
    public static PublishedPeak GeForceGtx580 { get; } = new(
        "NVIDIA GeForce GTX 580", 2010, 1.581, 192.4,
        "NVIDIA specification: 512 CUDA cores x 1,544 MHz shader clock x 2 FLOP per fused multiply-add; 384-bit GDDR5 at 4,008 MT/s. " +
        "AlexNet (2012) trained on two 3 GB cards.");

    /// <summary>The Volta GPU the chapter calls "NVIDIA's latest".</summary>
    public static PublishedPeak TeslaV100 { get; } = new(
        "NVIDIA Tesla V100 (SXM2)", 2017, 15.7, 900,
        "NVIDIA V100 datasheet. Its tensor cores reach 125 TFLOP/s on fp16 products with fp32 sums (the chapter's \"120 TFlops\"); " +
        "the PCIe card is clocked lower (14 TFLOP/s fp32).");

    /// <summary>NVIDIA's 2020 data-centre GPU.</summary>
    public static PublishedPeak A100 { get; } = new(
        "NVIDIA A100 (SXM4, 40 GB)", 2020, 19.5, 1555,
        "NVIDIA A100 datasheet. The 80 GB model has 2,039 GB/s. Tensor cores: 156 TFLOP/s TF32, 312 TFLOP/s fp16 (dense).", 156);

    /// <summary>NVIDIA's 2022 data-centre GPU.</summary>
    public static PublishedPeak H100Sxm { get; } = new(
        "NVIDIA H100 (SXM5, 80 GB)", 2022, 67, 3350,
        "NVIDIA H100 datasheet. Tensor cores: about 495 TFLOP/s TF32 and 989 TFLOP/s fp16 dense (the datasheet's doubled figures " +
        "assume structured sparsity).", 494.7);

    /// <summary>The H100's successor with more and faster memory (the same compute).</summary>
    public static PublishedPeak H200Sxm { get; } = new(
        "NVIDIA H200 (SXM, 141 GB)", 2024, 67, 4800,
        "NVIDIA H200 datasheet: the H100's compute (495 TFLOP/s TF32 dense; the datasheet's 989 assumes structured sparsity) " +
        "with 141 GB of HBM3e at 4.8 TB/s.", 494.7);

    /// <summary>A high-end desktop CPU of AlexNet's time.</summary>
    public static PublishedPeak CoreI7_3960X { get; } = new(
        "Intel Core i7-3960X (Sandy Bridge-E, 6 cores)", 2011, 0.3168, 51.2,
        "Derived from Intel's specification: 6 cores x 3.3 GHz base x 16 fp32 FLOP per cycle (8-wide AVX add + 8-wide multiply); " +
        "Intel lists 158.4 GFLOP/s in double precision. Four channels of DDR3-1600 x 8 bytes.");

    /// <summary>A recent desktop CPU with the typical desktop memory: two channels of DDR5.</summary>
    public static PublishedPeak Ryzen9_7950X { get; } = new(
        "AMD Ryzen 9 7950X (Zen 4, 16 cores), dual-channel DDR5-5200", 2022, 2.304, 83.2,
        "Derived from AMD's specification: 16 cores x 4.5 GHz base x 32 fp32 FLOP per cycle (two 256-bit FMA units); more at boost clocks. " +
        "Memory: 2 channels x 5,200 MT/s x 8 bytes, typical of desktops (DDR5-4800 gives 76.8, DDR5-6000 96 GB/s).");

    /// <summary>The published peak of the GPU whose name contains its model number (e.g. "NVIDIA H200" finds the H200), if listed.</summary>
    public static PublishedPeak? ForGpu(string? name) => name is null
        ? null
        : new (string Model, PublishedPeak Peak)[] { ("H200", H200Sxm), ("H100", H100Sxm), ("A100", A100), ("V100", TeslaV100), ("GTX 580", GeForceGtx580) }
            .FirstOrDefault(m => name.Contains(m.Model, StringComparison.OrdinalIgnoreCase)).Peak;

    /// <summary>
    /// The peaks notebook 02 charts, oldest first: the above except <see cref="H200Sxm"/>, which serves the GPU check's
    /// report (the H100 already stands for that generation in the chart).
    /// </summary>
    public static IReadOnlyList<PublishedPeak> All { get; } =
        new[] { GeForceGtx580, CoreI7_3960X, TeslaV100, A100, H100Sxm, Ryzen9_7950X }.OrderBy(p => p.Year).ToArray();
}
