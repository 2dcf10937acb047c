using DeepCnn.Training;

namespace DeepCnn.Tests.Training;

public sealed class MetricsTests
{
    [Fact]
    public void Confusion_matrix_counts_pairs_and_gives_accuracy_per_class()
    {
        var predictions = new Predictions([0, 1, 2, 3, 4], Actual: [0, 0, 1, 1, 2], Predicted: [0, 1, 1, 1, 0], Confidence: [.9f, .8f, .7f, .6f, .95f]);
        var matrix = ConfusionMatrix.From(predictions, 3);
        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(2, matrix[1, 1]);
        Assert.Equal(1, matrix[2, 0]);
        Assert.Equal(5, matrix.Total);
        Assert.Equal(3, matrix.Correct);
        Assert.Equal(new[] { 0.5, 1.0, 0.0 }, matrix.PerClassAccuracy());
        Assert.Equal(0.5, matrix.RowNormalised()[0, 1], 12);
    }

    [Fact]
    public void Confusion_matrix_reports_a_class_without_images_as_not_a_number_and_rejects_unknown_classes()
    {
        var matrix = new ConfusionMatrix(3);
        matrix.Add(0, 0);
        Assert.True(double.IsNaN(matrix.PerClassAccuracy()[2]));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Add(3, 0));
        Assert.Contains("0..2", error.Message);
    }

    [Fact]
    public void Most_confident_mistakes_are_wrong_predictions_sorted_by_confidence()
    {
        var predictions = new Predictions([10, 11, 12, 13], Actual: [0, 1, 2, 3], Predicted: [1, 1, 0, 0], Confidence: [.6f, .99f, .9f, .7f]);
        Assert.Equal(new[] { 2, 3, 0 }, predictions.MostConfidentMistakes(5));
        Assert.Equal(new[] { 2 }, predictions.MostConfidentMistakes(1));
    }
}
