using ScottPlot;

namespace DeepCnn.Plotting;

/// <summary>The series' charts, drawn with ScottPlot from plain values and rendered to PNG.</summary>
public static class Charts
{
    /// <summary>Default figure size in pixels.</summary>
    public const int Width = 720;

    /// <summary>Default figure height in pixels.</summary>
    public const int Height = 400;

    // The width of an average character of the title font, as a share of its size (measured on ScottPlot's bold serif).
    private const double TitleCharacterWidth = 0.6;

    /// <summary>A bar per label.</summary>
    public static Figure Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yLabel, string valueFormat = "N0")
    {
        Require(labels.Count == values.Count, $"{labels.Count} labels for {values.Count} values");
        var plot = new Plot();
        var bars = plot.Add.Bars(values.ToArray());
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].Label = values[i].ToString(valueFormat, System.Globalization.CultureInfo.InvariantCulture);
        }

        bars.ValueLabelStyle.FontSize = 11;
        LabelCategories(plot, labels);
        FormatTicksLike(plot.Axes.Left, valueFormat);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return Render(plot, title, "", yLabel);
    }

    /// <summary>A horizontal bar per label, for long labels (hardware names, say); the first label is at the top.</summary>
    public static Figure HorizontalBars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string valueLabel, string valueFormat = "N0")
    {
        Require(labels.Count == values.Count, $"{labels.Count} labels for {values.Count} values");
        var plot = new Plot();
        var bars = plot.Add.Bars(values.Reverse().ToArray());
        bars.Horizontal = true;
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].Label = bars.Bars[i].Value.ToString(valueFormat, System.Globalization.CultureInfo.InvariantCulture);
        }

        bars.ValueLabelStyle.FontSize = 11;
        FormatTicksLike(plot.Axes.Bottom, valueFormat);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), [.. labels.Reverse()]);
        plot.Axes.Margins(left: 0, right: 0.15);
        // Wider than the other charts: the labels sit beside the bars, not under them.
        return Render(plot, title, valueLabel, "", Width * 4 / 3, Math.Max(Height, 60 + 34 * labels.Count));
    }

    /// <summary>
    /// Bars in groups: one group per label, one coloured bar per series (shares of a total, say). With
    /// <paramref name="logScale"/> the axis is logarithmic (values that span orders of magnitude; all must be positive).
    /// </summary>
    public static Figure GroupedBars(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, double[] Values)> series, string yLabel,
        bool logScale = false)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var width = 0.8 / series.Count;
        Require(!logScale || series.All(s => s.Values.All(v => v > 0)), "a logarithmic axis needs positive values");
        // On a log axis the bars stand on the decade below the smallest value, and each bar's height is its value's log.
        var floor = logScale ? Math.Floor(Math.Log10(series.SelectMany(s => s.Values).DefaultIfEmpty(1).Min())) : 0;
        for (var s = 0; s < series.Count; s++)
        {
            Require(series[s].Values.Length == labels.Count, $"series '{series[s].Name}' has {series[s].Values.Length} values for {labels.Count} labels");
            var bars = series[s].Values.Select((v, i) => new Bar
            {
                Position = i - 0.4 + width * (s + 0.5),
                Value = logScale ? Math.Log10(v) : v,
                ValueBase = floor,
                Size = width,
                FillColor = palette.GetColor(s),
            }).ToArray();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = palette.GetColor(s) });
        }

        // Below the plot, not over it: bars of equal height (balanced classes) leave no free corner.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        LabelCategories(plot, labels);
        plot.Axes.Margins(bottom: 0, top: 0.1);
        if (logScale)
        {
            var top = Math.Ceiling(series.SelectMany(s => s.Values).Select(Math.Log10).DefaultIfEmpty(0).Max());
            var decades = Enumerable.Range(0, (int)(top - floor) + 1).Select(k => floor + k).ToArray();
            plot.Axes.Left.SetTicks(decades, decades.Select(d => Math.Pow(10, d).ToString("G", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }

        return Render(plot, title, "", yLabel);
    }

    /// <summary>Lines against a shared horizontal axis; series marked <see cref="Series.RightAxis"/> use a second vertical axis.</summary>
    public static Figure Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, string? rightLabel = null,
        bool markers = false, bool logX = false)
    {
        var plot = new Plot();
        foreach (var line in series)
        {
            Require(line.X.Length == line.Y.Length, $"series '{line.Name}' has {line.X.Length} x values for {line.Y.Length} y values");
            var xs = logX ? line.X.Select(Math.Log2).ToArray() : line.X;
            var scatter = plot.Add.Scatter(xs, line.Y);
            scatter.LegendText = line.Name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = markers ? 7 : 0;
            if (line.RightAxis)
            {
                scatter.Axes.YAxis = plot.Axes.Right;
            }
        }

        if (logX)
        {
            // Powers of two read better as their values than as exponents.
            var ticks = series.SelectMany(s => s.X).Distinct().Order().ToArray();
            plot.Axes.Bottom.SetTicks(ticks.Select(Math.Log2).ToArray(), ticks.Select(t => t.ToString("G", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }

        if (rightLabel is not null)
        {
            plot.Axes.Right.Label.Text = rightLabel;
        }

        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, title, xLabel, yLabel);
    }

    /// <summary>
    /// Training curves as d2l draws them: the moving-average loss after every step (left axis) and the train and
    /// test accuracy after every epoch (right axis, 0..1), all against epochs.
    /// </summary>
    public static Figure TrainingCurves(string title, IReadOnlyList<double> movingLoss, int stepsPerEpoch,
        IReadOnlyList<double> meanLoss, IReadOnlyList<double> trainAccuracy, IReadOnlyList<double> testAccuracy)
    {
        Require(stepsPerEpoch > 0, "stepsPerEpoch must be positive");
        var plot = new Plot();
        if (movingLoss.Count > 0)
        {
            var steps = Enumerable.Range(1, movingLoss.Count).Select(s => s / (double)stepsPerEpoch).ToArray();
            var loss = plot.Add.Scatter(steps, movingLoss.ToArray());
            loss.LegendText = "moving loss (per step)";
            loss.MarkerSize = 0;
            loss.LineWidth = 2;
        }

        if (meanLoss.Count > 0)
        {
            // Each epoch's plain mean, drawn at the epoch's end like the accuracies: the moving average lags behind it.
            var mean = plot.Add.Scatter(Enumerable.Range(1, meanLoss.Count).Select(e => (double)e).ToArray(), meanLoss.ToArray());
            mean.LegendText = "mean loss of the epoch";
            mean.MarkerSize = 8;
            mean.MarkerShape = MarkerShape.FilledSquare;
            mean.LineWidth = 1;
            mean.LinePattern = LinePattern.Dashed;
        }

        var epochs = Enumerable.Range(1, trainAccuracy.Count).Select(e => (double)e).ToArray();
        foreach (var (name, values) in new[] { ("train accuracy", trainAccuracy), ("test accuracy", testAccuracy) })
        {
            if (values.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(epochs[..values.Count], values.ToArray());
            line.LegendText = name;
            line.MarkerSize = 8;
            line.LineWidth = 2;
            line.Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.Right.Label.Text = "accuracy";
        plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        FormatTicksLike(plot.Axes.Right, "P0");
        plot.Axes.SetLimitsX(0, Math.Max(1, Math.Max(epochs.Length, movingLoss.Count / (double)stepsPerEpoch)));
        // Below the plot rather than over it, so no point of the first epoch hides behind the legend.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return Render(plot, title, "epoch", "loss");
    }

    /// <summary>A heatmap with a value in every cell (a confusion matrix, say): rows top to bottom, columns left to right.</summary>
    public static Figure Heatmap(string title, double[,] values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        string xLabel, string yLabel, string cellFormat = "P0")
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        Require(rowLabels.Count == rows && columnLabels.Count == columns, $"{rowLabels.Count}x{columnLabels.Count} labels for a {rows}x{columns} matrix");
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        var colorBar = plot.Add.ColorBar(heatmap);
        FormatTicksLike(colorBar.Axis, cellFormat);
        var max = values.Cast<double>().DefaultIfEmpty(0).Max();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var text = plot.Add.Text(values[r, c].ToString(cellFormat, System.Globalization.CultureInfo.InvariantCulture), c, rows - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 10;
                // Dark text on the bright end of the colour map, light text on the dark end.
                text.LabelFontColor = values[r, c] > 0.6 * max ? Colors.Black : Colors.White;
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns).Select(c => (double)c).ToArray(), [.. columnLabels]);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray(), [.. rowLabels]);
        RotateBottomLabels(plot, columnLabels);
        return Render(plot, title, xLabel, yLabel, Width, Width * 5 / 6);
    }

    /// <summary>
    /// Tick labels in the format of the values' own labels: a chart whose bars say "45%" gets an axis in percent,
    /// not in fractions (0.45) beside them.
    /// </summary>
    private static void FormatTicksLike(IAxis axis, string valueFormat)
    {
        if (valueFormat.StartsWith('P'))
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = value => value.ToString("P0", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    private static void LabelCategories(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), [.. labels]);
        // Rotate only when the labels would not fit side by side (about 7 pixels a character).
        if (labels.Count > 0 && labels.Max(l => l.Length) * 7 > Width / labels.Count)
        {
            RotateBottomLabels(plot, labels);
        }
    }

    private static void RotateBottomLabels(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        // Rotated labels hang below the axis and to the right: reserve room so that the axis title does not sit on
        // them and the last one is not cut off at the figure's edge.
        plot.Axes.Bottom.MinimumSize = 30 + 6 * labels.Max(l => l.Length);
        plot.Axes.Right.MinimumSize = Math.Max(plot.Axes.Right.MinimumSize, 5 * labels[^1].Length);
    }

    private static Figure Render(Plot plot, string title, string xLabel, string yLabel, int width = Width, int height = Height)
    {
        plot.Title(title);
        // A long title (a data set's name in it, say) gets a smaller font rather than being cut at both edges.
        var titleWidth = title.Length * TitleCharacterWidth * plot.Axes.Title.Label.FontSize;
        if (titleWidth > width - 20)
        {
            plot.Axes.Title.Label.FontSize *= (float)((width - 20) / titleWidth);
        }

        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return new Figure(plot.GetImageBytes(width, height, ImageFormat.Png), width, height, title);
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Cannot draw the chart: {problem}.");
        }
    }
}
