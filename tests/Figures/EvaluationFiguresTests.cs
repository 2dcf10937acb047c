using DeepCnn.Data;
using DeepCnn.Features;
using DeepCnn.Figures;

namespace DeepCnn.Tests.Figures;

public sealed class EvaluationFiguresTests
{
    [Fact]
    public void Baseline_on_other_data_is_left_out_and_the_note_names_that_data()
    {
        var photos = Data(Origin(DataOriginKind.ImageFolder, "/photos"));
        var baseline = Baseline(Origin(DataOriginKind.CifarLayoutCopy, "/mycopy"));

        Assert.Equal("The baseline in notebook 01 ran on other data ('x' (CIFAR-10 layout, not verified as CIFAR-10)); it is left out.",
            EvaluationFigures.BaselineNote(baseline, photos));
        Assert.Contains("no hand-made baseline ran on this data", EvaluationFigures.Verdict("AlexNet", 0.9, baseline, photos));
        var same = Baseline(photos.Origin);
        Assert.Equal(same.Summary, EvaluationFigures.BaselineNote(same, photos));
        Assert.Contains("AlexNet beats the hand-made features of notebook 01 by 40.0 points", EvaluationFigures.Verdict("AlexNet", 0.9, same, photos));
    }

    private static DataOrigin Origin(DataOriginKind kind, string location) => new(kind, location, "x", ["a", "b"], 10, 4, "");

    private static CifarDataSet Data(DataOrigin origin) =>
        new(new CifarSplit("train", new byte[2], new byte[2 * CifarLayout.ImageBytes]), new CifarSplit("test", new byte[1], new byte[CifarLayout.ImageBytes]),
            origin.ClassNames, origin);

    private static HandmadeBaselineResult Baseline(DataOrigin origin) => new()
    {
        TestAccuracy = 0.5,
        TrainAccuracy = 0.6,
        PerClassTestAccuracy = [0.5, 0.5],
        ClassNames = ["a", "b"],
        FeatureDimension = 312,
        FeatureDescription = "features",
        TrainCount = 10,
        TestCount = 4,
        Origin = origin,
        FeatureSeconds = 1,
        TrainingSeconds = 1,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
