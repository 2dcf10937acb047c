namespace DeepCnn.Training;

/// <summary>How far a run got.</summary>
public enum RunStatus
{
    /// <summary>Training, or stopped part-way (cancelled, or its process ended): some epochs may be saved.</summary>
    Running,

    /// <summary>Every epoch it was asked for is saved.</summary>
    Finished,

    /// <summary>The loss or the weights stopped being finite numbers; the epochs saved before are intact.</summary>
    Diverged,
}
