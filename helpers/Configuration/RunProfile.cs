namespace DeepCnn.Configuration;

/// <summary>How big a run is (<c>ALEXNET_PROFILE</c>): the reader's full run, a lesson-sized one, or the quick offline one CI uses.</summary>
public enum RunProfile
{
    /// <summary>The values in the notebook's parameters cell, as written.</summary>
    Full,

    /// <summary>The real data, cut so that notebook 05 trains in about ten minutes on two cores: for a class.</summary>
    Class,

    /// <summary>Synthetic data and small subsets, so the whole series runs in minutes on two CPU cores.</summary>
    Quick,
}
