namespace DeepCnn.Compute;

/// <summary>What <see cref="AllocatorTuning.Apply"/> changed in the native memory allocator, in words a report can print.</summary>
/// <param name="BuffersKept">True when glibc malloc was told to keep freed large buffers for reuse.</param>
/// <param name="HugePagesRequested">True when libtorch was asked for transparent huge pages (<c>THP_MEM_ALLOC_ENABLE=1</c>).</param>
/// <param name="Description">One line: what was set, or why nothing was.</param>
public sealed record AllocatorSettings(bool BuffersKept, bool HugePagesRequested, string Description)
{
    /// <summary>True when anything was changed.</summary>
    public bool Tuned => BuffersKept || HugePagesRequested;

    /// <inheritdoc />
    public override string ToString() => Description;
}
