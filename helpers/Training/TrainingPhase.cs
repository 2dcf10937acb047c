namespace DeepCnn.Training;

/// <summary>What the trainer is doing when it reports progress.</summary>
public enum TrainingPhase
{
    /// <summary>SGD steps over the training batches.</summary>
    Training,

    /// <summary>Measuring accuracy on training images (eval mode, no graph).</summary>
    EvaluatingTrain,

    /// <summary>Measuring accuracy on the test images (eval mode, no graph).</summary>
    EvaluatingTest,
}
