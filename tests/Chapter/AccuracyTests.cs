using DeepCnn.Chapter;
using DeepCnn.Data;
using static TorchSharp.torch;

namespace DeepCnn.Tests.Chapter;

public sealed class AccuracyTests
{
    /// <summary>A "network" that scores class (pixel value of image i) highest: its answers are known in advance.</summary>
    private sealed class Oracle() : nn.Module<Tensor, Tensor>(nameof(Oracle))
    {
        public override Tensor forward(Tensor input) => nn.functional.one_hot(input.flatten(1)[.., 0].to_type(ScalarType.Int64), 10);
    }

    private static Batch BatchOf(long[] answers, long[] labels) => new(
        tensor(answers.Select(a => (float)a).ToArray()).view(-1, 1, 1, 1), tensor(labels), [.. Enumerable.Range(0, labels.Length)]);

    [Fact]
    public void Counts_the_images_whose_highest_score_is_the_true_class_over_all_batches()
    {
        using var net = new Oracle();
        using var first = BatchOf([1, 2, 3, 4], [1, 2, 0, 0]);
        using var second = BatchOf([5, 6], [5, 9]);
        Assert.Equal(3.0 / 6, Accuracy.Of(net, [first, second]));
        Assert.False(net.training, "accuracy is measured in eval mode");
    }

    [Fact]
    public void Accuracy_over_no_images_is_an_error_not_zero()
    {
        using var net = new Oracle();
        var error = Assert.Throws<ArgumentException>(() => Accuracy.Of(net, []));
        Assert.Contains("no images", error.Message);
    }
}
