using DeepCnn.Chapter;
using DeepCnn.Compute;
using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Benchmarks;

/// <summary>
/// The C# side of one AlexNet variant: the chapter's code exactly as notebooks 04 and 05 write it (their saved cells in
/// <c>DeepCnn.Chapter</c>: notebook 05's <see cref="Setup"/> builds the <see cref="AlexNet"/> of notebook 04, and the timed
/// step is <see cref="Minibatch.Step"/>), with the settings the PyTorch peer uses (dropout 0.5 in both variants, SGD lr
/// 0.01 momentum 0.9, no weight decay), and fixed random inputs made once, as the peer's are.
/// </summary>
public sealed class CSharpVariant : IDisposable
{
    private readonly Batch trainBatch;
    private readonly Batch growthBatch;
    private readonly Tensor evalImages;
    private readonly nn.Module<Tensor, Tensor, Tensor> lossFunction;
    private readonly optim.Optimizer optimizer;

    /// <summary>Builds the network, its optimiser and the fixed inputs; the caller has set threads and the allocator.</summary>
    public CSharpVariant(AlexNetVariant variant, BenchmarkOptions options)
    {
        var (config, settings) = Settings(variant, options);
        Device = Devices.Resolve(settings.Device);
        (Model, lossFunction, optimizer) = Setup.Create(config, 10, settings, Device);
        Variant = variant;
        trainBatch = RandomBatch(options.TrainBatch, config.ImageSize, Device);
        growthBatch = RandomBatch(options.GrowthBatch, config.ImageSize, Device);
        evalImages = randn([options.EvalBatch, 3, config.ImageSize, config.ImageSize], device: Device);
        Summary = ModelSummary.Of(Model, config.ImageSize);
        Model.train(); // as the loop sets it once per epoch; evaluation switches back when done
    }

    /// <summary>The network.</summary>
    public AlexNet Model { get; }

    /// <summary>Which variant it is.</summary>
    public AlexNetVariant Variant { get; }

    /// <summary>Where the network and its inputs live.</summary>
    public Device Device { get; }

    /// <summary>Shapes, parameters and FLOPs per image.</summary>
    public ModelSummary Summary { get; }

    /// <summary>Whether the model's ReLUs work in place (the peer is told to match).</summary>
    public bool InPlaceRelu => LayerProfiler.Layers(Model).Any(l => l.InPlace);

    /// <summary>The network and training settings that match the PyTorch peer's step.</summary>
    public static (AlexNetConfig Config, TrainingOptions Options) Settings(AlexNetVariant variant, BenchmarkOptions options) => (
        new AlexNetConfig { Variant = variant, Dropout = 0.5, ImageSize = AlexNetInput.Side },
        new TrainingOptions
        {
            Epochs = 1,
            BatchSize = options.TrainBatch,
            EvalBatchSize = options.EvalBatch,
            LearningRate = 0.01,
            Momentum = 0.9,
            WeightDecay = 0,
            Device = options.Device,
            Threads = options.Threads,
            Seed = 0,
        });

    /// <summary>One training step exactly as notebook 05's loop takes it (the model stays in training mode between steps).</summary>
    public double Step(Batch batch) => Minibatch.Step(Model, lossFunction, optimizer, batch);

    /// <summary>One timed training step at the training batch; seconds.</summary>
    public double TrainStep() => Timing.Measure(() => Step(trainBatch), 1, 0, Device).Samples[0];

    /// <summary>One timed forward pass at the evaluation batch, in eval mode without a graph; seconds.</summary>
    public double EvalPass()
    {
        using var noGrad = no_grad();
        Model.eval();
        try
        {
            return Timing.Measure(() => Model.call(evalImages), 1, 0, Device).Samples[0];
        }
        finally
        {
            Model.train();
        }
    }

    /// <summary>
    /// Training steps timed layer by layer, one per call of the returned function (the first after an untimed step),
    /// with an optimiser of its own that lives as long as the returned handle.
    /// </summary>
    public (Func<LayerProfile> Next, IDisposable Optimizer) Profiler()
    {
        var profiling = optim.SGD(Model.parameters(), 0.01, 0.9);
        var first = true;
        return (() =>
        {
            var profile = LayerProfiler.Profile(Model, Variant, profiling, trainBatch.Images, trainBatch.Labels, warmup: first);
            first = false;
            return profile;
        }, profiling);
    }

    /// <summary>
    /// The dispose-discipline check: <paramref name="warmupSteps"/> steps at the growth batch, then <paramref name="steps"/>
    /// more with memory in use read every <paramref name="every"/> steps, and live tensors before and after. Each reading
    /// follows a garbage collection and a <c>malloc_trim</c>: the tuned allocator keeps freed blocks for reuse, and memory
    /// kept for reuse is not growth.
    /// </summary>
    public GrowthResult Growth(int warmupSteps, int steps, int every, Action<MemoryReading>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        for (var i = 0; i < warmupSteps; i++)
        {
            Step(growthBatch);
        }

        var readings = new List<MemoryReading> { new(0, InUse()) };
        var tensorsBefore = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var i = 1; i <= steps; i++)
        {
            Step(growthBatch);
            if (i % every == 0 || i == steps)
            {
                readings.Add(new MemoryReading(i, InUse()));
                progress?.Invoke(readings[^1]);
            }
        }

        return new GrowthResult(steps, growthBatch.Count, readings, tensorsBefore,
            DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    /// <summary>Resident memory after a garbage collection and handing freed heap back to the system.</summary>
    public static long InUse()
    {
        Settle();
        AllocatorTuning.Trim();
        return ProcessMemory.ResidentBytes();
    }

    /// <summary>Collects managed garbage, so tensors waiting for a finaliser do not count as memory in use.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        trainBatch.Dispose();
        growthBatch.Dispose();
        evalImages.Dispose();
        optimizer.Dispose();
        lossFunction.Dispose();
        Model.Dispose();
    }

    private static Batch RandomBatch(int size, int side, Device device) => new(
        randn([size, 3, side, side], device: device),
        randint(0, 10, [size], dtype: ScalarType.Int64, device: device),
        [.. Enumerable.Range(0, size)]);
}
