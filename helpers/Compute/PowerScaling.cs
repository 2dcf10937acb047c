namespace DeepCnn.Compute;

/// <summary>
/// The chapter's power argument for many slow cores: "power consumption tends to grow quadratically with clock
/// frequency". A core at 1/k of the clock then draws 1/k^2 of the power, so k^2 of them fit in one fast core's budget
/// and together do k^2 x 1/k = k times the work (k = 4: 16 cores, 4x).
/// Physics behind it: dynamic power is about C x V^2 x f, and a lower clock lets the chip run at a lower voltage, so
/// power falls faster than the clock; between quadratic and cubic is the usual rule of thumb. The argument assumes the
/// work splits perfectly over the cores, which convolutions and matrix products nearly do.
/// </summary>
public static class PowerScaling
{
    /// <summary>The chapter's exponent: power grows with the square of the clock.</summary>
    public const double ChapterExponent = 2;

    /// <summary>The slowdown factors of the default table.</summary>
    public static IReadOnlyList<int> DefaultSlowdownFactors { get; } = [1, 2, 4, 8];

    /// <summary>
    /// How many cores at 1/<paramref name="slowdownFactor"/> of the clock fit in one fast core's power budget, when power
    /// grows with clock^<paramref name="exponent"/>, and what they achieve together.
    /// </summary>
    public static PowerScalingRow For(int slowdownFactor, double exponent = ChapterExponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slowdownFactor, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, 1.0);
        var powerPerCore = Math.Pow(1.0 / slowdownFactor, exponent);
        // Whole cores only; the tiny epsilon keeps 4^2 = 16.000000000000004 or 15.99... from losing a core.
        var cores = (long)Math.Floor(1 / powerPerCore + 1e-9);
        return new PowerScalingRow(slowdownFactor, cores, 1.0 / slowdownFactor, (double)cores / slowdownFactor, cores * powerPerCore);
    }

    /// <summary>One row per slowdown factor (default k = 1, 2, 4, 8).</summary>
    public static IReadOnlyList<PowerScalingRow> Table(IEnumerable<int>? slowdownFactors = null, double exponent = ChapterExponent) =>
        (slowdownFactors ?? DefaultSlowdownFactors).Select(k => For(k, exponent)).ToArray();
}
