using DeepCnn.Data;

namespace DeepCnn.Tests.Data;

public sealed class ClassBalanceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Balance_of_balanced_classes_says_so_with_the_count_of_each_and_chance()
    {
        var data = SyntheticCifar.Load(temp.Path, 200, 50);

        var balance = data.Balance();

        Assert.True(balance.IsBalanced);
        Assert.StartsWith("10 classes, balanced: every class has 20 training and 5 test images.", balance.Sentence);
        Assert.Contains("1/10 = 10.0%", balance.Sentence);
    }

    [Fact]
    public void Balance_of_an_unbalanced_copy_names_its_smallest_and_largest_class_and_what_always_guessing_the_largest_scores()
    {
        var folder = CifarLayoutCopy.Write(temp.Path, "mycopy", ["owl", "cat", "fox"], [40, 12, 25], [9, 3, 6]);

        var balance = CifarReader.ReadFolder(folder).Balance();

        Assert.False(balance.IsBalanced);
        Assert.False(balance.IsRoughlyBalanced);
        Assert.Equal(("cat", 12), balance.Smallest(balance.TrainCounts));
        Assert.Equal(("owl", 9), balance.Largest(balance.TestCounts));
        Assert.Equal(0.5, balance.MajorityShare);
        Assert.StartsWith("3 classes, not balanced: training images per class range from 12 ('cat') to 40 ('owl'), test images per class range from 3 ('cat') to 9 ('owl').",
            balance.Sentence);
        Assert.Contains("always answered 'owl' would score 50.0%", balance.Sentence);
        Assert.DoesNotContain("same number", balance.Sentence);
    }

    [Fact]
    public void Balance_of_nearly_equal_classes_says_roughly_balanced_but_not_exactly()
    {
        var balance = new ClassBalance(["a", "b", "c"], [146, 152, 150], [27, 33, 30]);

        Assert.False(balance.IsBalanced);
        Assert.True(balance.IsRoughlyBalanced);
        Assert.StartsWith("3 classes, roughly balanced but not exactly: training images per class range from 146 ('a') to 152 ('b')", balance.Sentence);
    }

    [Fact]
    public void Balance_of_one_split_with_equal_classes_says_so_instead_of_a_range()
    {
        var balance = new ClassBalance(["a", "b", "c"], [66, 65, 65], [16, 16, 16]);

        Assert.Contains("training images per class range from 65 ('b') to 66 ('a'), every class has 16 test images.", balance.Sentence);
    }

    [Fact]
    public void Balance_names_a_class_that_has_no_images_in_a_split()
    {
        var balance = new ClassBalance(["a", "b"], [10, 10], [5, 0]);

        Assert.False(balance.IsRoughlyBalanced);
        Assert.Contains("'b' has no images in one of the splits", balance.Sentence);
    }
}
