namespace DeepCnn.Compute;

/// <summary>How <see cref="AllocatorTuning"/> sets glibc malloc up for libtorch's large CPU buffers.</summary>
public enum AllocatorChoice
{
    /// <summary>Leave glibc malloc as the system configured it: freed large buffers go back to the system at once.</summary>
    Default,

    /// <summary>Keep every freed buffer in the process for reuse (fastest, but resident memory can swing far above what training uses).</summary>
    Tuned,
}
