namespace DeepCnn.Features;

/// <summary>Training settings of <see cref="LinearSoftmaxClassifier"/>; the defaults suit a few hundred features.</summary>
public sealed record LinearClassifierOptions
{
    /// <summary>Optimiser steps (Adam). The problem is convex, so a few hundred steps get close to the optimum.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>Adam's step size; standardised features let one value suit any feature set.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>
    /// L2 penalty on the weights (not the biases), added to the loss as WeightDecay / 2 x |W|^2. With a few thousand
    /// images and 312 features, 0.01 trades a little training accuracy for a few points of test accuracy.
    /// </summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <summary>Examples per step, drawn at random with <see cref="Seed"/>; null uses the whole training set every step.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Seed of the mini-batch draws. Weights start at zero, so a full-batch run is the same without it.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Report the loss every this many steps through the progress callback.</summary>
    public int ReportEvery { get; init; } = 50;
}
