using DeepCnn.Chapter;
using DeepCnn.Compute;
using DeepCnn.Training;
using TorchSharp;

namespace DeepCnn.Tests.Training;

/// <summary>
/// The dispose-discipline check. It reads the whole process's resident memory, so it runs alone: tests of other
/// collections allocating and freeing meanwhile made it fail now and then (by 60-270 MB) before it had a collection of its own.
/// </summary>
[Collection(TrainingMemoryCollection.Name)]
public sealed class TrainingMemoryTests(SmallTrainingData fixture)
{
    [Fact]
    public void Many_training_steps_leave_no_tensor_behind_and_native_memory_flat()
    {
        // The chapter's network at 224x224 (SGD, lr 0.01, momentum 0.9), as notebook 05 sets it up.
        using var temp = new TempFolder();
        using var run = new SmallRun(fixture.Data.Subset(64, 20), new TrainingOptions { BatchSize = 4, Seed = 1, Device = "cpu" }, temp.Path,
            new DeepCnn.Models.AlexNetConfig { Dropout = 0 });
        void Steps(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var batch = run.Batches.Train.Epoch(i).First();
                Minibatch.Step(run.Net, run.Loss, run.Optimizer, batch);
            }
        }

        Steps(5); // warm-up: optimizer state, allocator pools
        var tensors = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        var memory = ResidentBytes();
        Steps(40);
        Assert.Equal(tensors, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        // 40 steps that leaked even one activation of conv1 (4 x 96 x 54 x 54 floats = 4.5 MB) would add 180 MB.
        var growth = ResidentBytes() - memory;
        Assert.True(growth < 60_000_000, $"resident memory grew by {growth / 1e6:F0} MB over 40 steps");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // A tuned allocator keeps freed blocks for reuse; memory kept for reuse is not growth, so hand it back first.
        AllocatorTuning.Trim();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingMemoryCollection : ICollectionFixture<SmallTrainingData>
{
    public const string Name = "training memory, measured alone";
}
