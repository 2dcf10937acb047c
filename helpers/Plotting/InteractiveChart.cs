using XPlot.Plotly;

namespace DeepCnn.Plotting;

/// <summary>
/// A Plotly chart and a static picture of the same data. Where the page cannot draw the chart (offline, plotly.js
/// out of reach, scripts stripped by a viewer) the picture stays; where it can, the chart replaces it.
/// </summary>
/// <param name="Chart">The interactive chart.</param>
/// <param name="Picture">The same data as a PNG, shown until (and unless) the chart is drawn.</param>
public sealed record InteractiveChart(PlotlyChart Chart, Figure Picture);
