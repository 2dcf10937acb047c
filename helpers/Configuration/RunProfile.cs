namespace DeepCnn.Configuration;

/// <summary>How big a run is: the reader's full run, or the quick offline profile CI uses (synthetic data, small subsets).</summary>
public enum RunProfile
{
    /// <summary>The values in the notebook's parameters cell, as written.</summary>
    Full,

    /// <summary>Synthetic data and small subsets, so the whole series runs in minutes on two CPU cores.</summary>
    Quick,
}
