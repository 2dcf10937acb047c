using DeepCnn.Chapter;
using DeepCnn.Data;
using DeepCnn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Chapter;

public sealed class MinibatchTests
{
    [Fact]
    public void Steps_on_a_fixed_batch_lower_its_loss_and_leave_no_tensor_behind()
    {
        manual_seed(3);
        using var net = new AlexNet(new AlexNetConfig { Variant = AlexNetVariant.Chapter, Dropout = 0, ImageSize = 224 }, 10);
        Xavier.Initialize(net, 2.24);
        using var lossFunction = nn.CrossEntropyLoss();
        using var optimizer = optim.SGD(net.parameters(), 0.01, momentum: 0.9);
        using var batch = new Batch(randn(8, 3, 224, 224), tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }), [.. Enumerable.Range(0, 8)]);
        net.train();
        var first = Minibatch.Step(net, lossFunction, optimizer, batch);
        var live = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        var last = first;
        for (var i = 0; i < 15; i++)
        {
            last = Minibatch.Step(net, lossFunction, optimizer, batch);
        }

        Assert.True(last < first, $"the loss went from {first} to {last}");
        Assert.Equal(live, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
