using System.Globalization;

namespace DeepCnn.Compute;

/// <summary>
/// A processor's peak as its maker publishes it (or as derived from its published specification): what the silicon
/// could do if every unit were busy every cycle. Not measured here, and never reached by real programs.
/// </summary>
/// <param name="Name">The chip and model.</param>
/// <param name="Year">The year it was released.</param>
/// <param name="Fp32TeraFlops">Peak float32 TFLOP/s on its general-purpose units (not tensor cores).</param>
/// <param name="MemoryBandwidthGBs">Peak memory bandwidth in GB/s (10^9 bytes per second).</param>
/// <param name="Note">Where the numbers come from, and what they leave out.</param>
/// <param name="Tf32TeraFlops">Peak dense TF32 TFLOP/s of its tensor cores, where it has them (cuDNN runs float32 convolutions in TF32 by default).</param>
public sealed record PublishedPeak(string Name, int Year, double Fp32TeraFlops, double MemoryBandwidthGBs, string Note, double? Tf32TeraFlops = null)
{
    /// <summary>Peak float32 GFLOP/s, to set beside measured GFLOP/s.</summary>
    public double Fp32GigaFlops => Fp32TeraFlops * 1e3;

    /// <summary>"NVIDIA GeForce GTX 580 (2010): 1.58 TFLOP/s fp32, 192.4 GB/s (published)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({Year}): {Fp32TeraFlops:0.###} TFLOP/s fp32, {MemoryBandwidthGBs:N1} GB/s (published, not measured)");
}
