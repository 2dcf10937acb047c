namespace DeepCnn.Benchmarks.Memory;

/// <summary>What one memory-run child measured: speed and resident memory during training, nothing trimmed first.</summary>
/// <param name="Variant">The AlexNet variant, as the protocol names it ("chapter").</param>
/// <param name="Batch">Images per step.</param>
/// <param name="Allocator">The allocator setting ("default", "tuned").</param>
/// <param name="AllocatorDescription">What the setting changed, in words.</param>
/// <param name="BaselineBytes">Resident memory before the model was built: runtime and libraries.</param>
/// <param name="PeakBytes">The kernel's peak resident size (VmHWM) over the warm-up and timed steps.</param>
/// <param name="PeakReset">Whether the peak could be reset after the model was built (otherwise it is the peak since start).</param>
/// <param name="StepSeconds">Each timed step's time.</param>
/// <param name="ResidentAfterStep">Resident memory right after each step, warm-up included.</param>
/// <param name="SampledLowBytes">The lowest sampled resident size over the timed steps.</param>
/// <param name="SampledHighBytes">The highest sampled resident size over the timed steps.</param>
/// <param name="SampleCount">Samples taken over the timed steps.</param>
/// <param name="FaultsPerStep">Minor page faults per timed step (median).</param>
/// <param name="Device">The device it trained on, in words.</param>
public sealed record MemoryRunResult(string Variant, int Batch, string Allocator, string AllocatorDescription, long BaselineBytes, long PeakBytes,
    bool PeakReset, IReadOnlyList<double> StepSeconds, IReadOnlyList<long> ResidentAfterStep, long SampledLowBytes, long SampledHighBytes,
    int SampleCount, double FaultsPerStep, string Device)
{
    /// <summary>Images per second at the median step time.</summary>
    public double ImagesPerSecond => Ratios.ImagesPerSecond(Batch, Ratios.Median(StepSeconds));
}
