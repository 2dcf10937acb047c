namespace DeepCnn.Models;

/// <summary>Which AlexNet to build (the network itself is written in notebook 04 and saved to DeepCnn.Chapter).</summary>
public enum AlexNetVariant
{
    /// <summary>
    /// The chapter's layers: no padding, 96/192/384/384/256 channels, 11/5/3/3/3 kernels, so the convolutions end at
    /// 256x1x1 for a 224x224 image.
    /// </summary>
    Chapter,

    /// <summary>
    /// The padded layout of Dive into Deep Learning (padding 1/2/1, 256 channels in conv2), ending at 256x5x5 and
    /// 6,400 inputs to fc6. The 2012 paper's own maps differ slightly (55/27/13/6, 9,216 inputs to fc6).
    /// </summary>
    Classic,
}
