using DeepCnn.Compute;

namespace DeepCnn.Tests.Compute;

public sealed class AllocatorTuningTests
{
    [Fact]
    public void The_library_default_leaves_glibc_as_the_system_set_it_up()
    {
        // Keeping every freed buffer let resident memory climb far above what training uses; that is opt-in now.
        Assert.Equal(AllocatorChoice.Default, AllocatorTuning.DefaultChoice);
        Assert.Equal(AllocatorChoice.Default, AllocatorTuning.Parse(null));
        Assert.Equal(AllocatorChoice.Default, AllocatorTuning.Parse("  "));
    }

    [Theory]
    [InlineData("default", AllocatorChoice.Default)]
    [InlineData("Default", AllocatorChoice.Default)]
    [InlineData(" tuned ", AllocatorChoice.Tuned)]
    [InlineData("TUNED", AllocatorChoice.Tuned)]
    public void The_variable_names_a_setting_in_any_case(string value, AllocatorChoice expected)
    {
        Assert.Equal(expected, AllocatorTuning.Parse(value));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("1")]
    [InlineData("tuned,default")]
    public void An_unknown_setting_names_the_variable_the_value_and_the_choices(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => AllocatorTuning.Parse(value));

        Assert.Contains("ALEXNET_ALLOCATOR", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("default, tuned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_setting_has_the_name_the_variable_uses()
    {
        Assert.Equal("default", AllocatorTuning.Name(AllocatorChoice.Default));
        Assert.Equal("tuned", AllocatorTuning.Name(AllocatorChoice.Tuned));
        Assert.All(Enum.GetValues<AllocatorChoice>(), c => Assert.Equal(c, AllocatorTuning.Parse(AllocatorTuning.Name(c))));
    }
}
