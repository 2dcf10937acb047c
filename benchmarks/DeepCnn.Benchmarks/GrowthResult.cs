namespace DeepCnn.Benchmarks;

/// <summary>
/// Memory over a run of training steps: the dispose-discipline check. Single readings can jump by a tenth either way
/// as the allocator lays blocks out differently (gradients are made afresh every step), so the growth comes from the
/// median of the slopes between every pair of readings (the Theil-Sen line): a leak makes every slope climb, one
/// reading that jumps moves only a few of them.
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
    /// Growth over the run in percent of the starting size, from the Theil-Sen line through the readings (with two
    /// readings, simply the change from first to last).
    /// </summary>
    public double GrowthPercent
    {
        get
        {
            if (Readings.Count < 2)
            {
                throw new InvalidOperationException("Growth needs at least two readings.");
            }

            var slopes = new List<double>();
            for (var i = 0; i < Readings.Count; i++)
            {
                for (var j = i + 1; j < Readings.Count; j++)
                {
                    slopes.Add((double)(Readings[j].Bytes - Readings[i].Bytes) / (Readings[j].Step - Readings[i].Step));
                }
            }

            var slope = Ratios.Median(slopes);
            var first = Readings[0].Step;
            var fittedStart = Ratios.Median(Readings.Select(r => r.Bytes - slope * (r.Step - first)).ToArray());
            return Ratios.GrowthPercent(fittedStart, fittedStart + slope * (Readings[^1].Step - first));
        }
    }

    /// <summary>Tensors gained (null when not counted).</summary>
    public long? LiveTensorGrowth => LiveTensorsAfter - LiveTensorsBefore;
}
