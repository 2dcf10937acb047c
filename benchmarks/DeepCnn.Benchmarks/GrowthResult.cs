namespace DeepCnn.Benchmarks;

/// <summary>
/// Memory over a run of training steps: the dispose-discipline check. Single readings move by several percent either
/// way as the allocator lays blocks out differently (gradients are made afresh every step), so the growth is the
/// least-squares line through all the readings: a leak makes it climb, layout noise does not.
/// </summary>
/// <param name="Steps">Steps of the run.</param>
/// <param name="Batch">Images per step.</param>
/// <param name="Readings">Memory in use at the start and after every few steps, the last one after all of them.</param>
/// <param name="LiveTensorsBefore">Tensors alive before (C# only: TorchSharp counts them; null for Python).</param>
/// <param name="LiveTensorsAfter">Tensors alive after.</param>
public sealed record GrowthResult(int Steps, int Batch, IReadOnlyList<MemoryReading> Readings, long? LiveTensorsBefore, long? LiveTensorsAfter)
{
    /// <summary>The first reading's bytes.</summary>
    public long ResidentBefore => Readings[0].Bytes;

    /// <summary>The last reading's bytes.</summary>
    public long ResidentAfter => Readings[^1].Bytes;

    /// <summary>
    /// Growth over the run in percent of the starting size, from the fitted line (with two readings, simply the
    /// change from first to last).
    /// </summary>
    public double GrowthPercent
    {
        get
        {
            if (Readings.Count < 2)
            {
                throw new InvalidOperationException("Growth needs at least two readings.");
            }

            var meanStep = Readings.Average(r => (double)r.Step);
            var meanBytes = Readings.Average(r => (double)r.Bytes);
            var spread = Readings.Sum(r => (r.Step - meanStep) * (r.Step - meanStep));
            var slope = Readings.Sum(r => (r.Step - meanStep) * (r.Bytes - meanBytes)) / spread;
            var first = Readings[0].Step;
            var fittedStart = meanBytes + slope * (first - meanStep);
            return Ratios.GrowthPercent(fittedStart, fittedStart + slope * (Readings[^1].Step - first));
        }
    }

    /// <summary>Tensors gained (null when not counted).</summary>
    public long? LiveTensorGrowth => LiveTensorsAfter - LiveTensorsBefore;
}
