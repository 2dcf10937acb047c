namespace DeepCnn.Tests.Compute;

/// <summary>A clock that stands still until a test moves it, in whole seconds.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long now;

    public override long TimestampFrequency => 1;

    public override long GetTimestamp() => now;

    public void Advance(long seconds) => now += seconds;
}
