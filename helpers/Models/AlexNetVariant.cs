namespace DeepCnn.Models;

/// <summary>Which AlexNet to build.</summary>
public enum AlexNetVariant
{
    /// <summary>
    /// The chapter's layers exactly: no padding, 96/192/384/384/256 channels, 11/5/3/3/3 kernels, so the
    /// convolutions end at 256x1x1; dropout is optional (the chapter left it out).
    /// </summary>
    Chapter,

    /// <summary>
    /// Krizhevsky et al. as d2l builds it: padded convolutions with 96/256/384/384/256 channels ending at
    /// 256x5x5, and dropout 0.5 after each 4096-wide layer.
    /// </summary>
    Classic,
}
