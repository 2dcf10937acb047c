using DeepCnn.Data;

namespace DeepCnn.Training;

/// <summary>What a checkpoint stores beside the weights: enough to rebuild the model and to say what it was trained on.</summary>
public sealed record CheckpointContents(
    int FormatVersion,
    TrainingOptions Options,
    TrainingHistory History,
    ChannelStats Stats,
    IReadOnlyList<string> ClassNames,
    DataOrigin Origin,
    int TrainImages,
    int TestImages,
    DateTimeOffset SavedAt);
