using XPlot.Plotly;

namespace DeepCnn.Plotting;

/// <summary>Plotly charts (XPlot.Plotly) for where hovering pays: exact values under the pointer. They need a browser front end.</summary>
public static class InteractiveCharts
{
    /// <summary>A confusion matrix heatmap whose hover text gives the count and share of each cell.</summary>
    public static PlotlyChart ConfusionMatrix(string title, int[,] counts, IReadOnlyList<string> classNames)
    {
        var n = classNames.Count;
        if (counts.GetLength(0) != n || counts.GetLength(1) != n)
        {
            throw new ArgumentException($"A {counts.GetLength(0)}x{counts.GetLength(1)} matrix for {n} class names.", nameof(counts));
        }

        var share = new double[n][];
        var hover = new string[n][];
        for (var a = 0; a < n; a++)
        {
            var row = Enumerable.Range(0, n).Sum(p => counts[a, p]);
            share[a] = Enumerable.Range(0, n).Select(p => row == 0 ? 0 : counts[a, p] / (double)row).ToArray();
            hover[a] = Enumerable.Range(0, n)
                .Select(p => $"true: {classNames[a]}<br>predicted: {classNames[p]}<br>{counts[a, p]} of {row} images ({share[a][p]:P1})")
                .ToArray();
        }

        var heatmap = new Heatmap
        {
            z = share,
            x = classNames.ToArray(),
            y = classNames.ToArray(),
            text = hover,
            hoverinfo = "text",
            colorscale = "Viridis",
        };
        var layout = new Layout.Layout
        {
            title = title,
            xaxis = new Xaxis { title = "predicted class" },
            yaxis = new Yaxis { title = "true class", autorange = "reversed" },
        };
        var chart = Chart.Plot(heatmap, layout);
        chart.WithSize(720, 620);
        return chart;
    }

    /// <summary>
    /// HTML that draws <paramref name="chart"/> in any notebook front end: it uses Plotly if the page has it,
    /// else loads it (through RequireJS where Jupyter provides it, else a script tag).
    /// </summary>
    public static string ToHtml(PlotlyChart chart)
    {
        var html = chart.GetInlineHtml();
        var divEnd = html.IndexOf("</div>", StringComparison.Ordinal) + "</div>".Length;
        var drawing = chart.GetInlineJS().Replace("<script>", "", StringComparison.Ordinal).Replace("</script>", "", StringComparison.Ordinal);
        return $$"""
            {{html[..divEnd]}}
            <script type="text/javascript">
            (function () {
                var source = 'https://cdn.plot.ly/plotly-2.35.2.min';
                function draw() { {{drawing}} }
                if (typeof window.Plotly !== 'undefined') { draw(); return; }
                if (typeof window.requirejs === 'function') {
                    window.requirejs.config({ paths: { plotly: source } });
                    window.requirejs(['plotly'], function (plotly) { window.Plotly = plotly; draw(); });
                    return;
                }
                var script = document.createElement('script');
                script.src = source + '.js';
                script.onload = draw;
                document.head.appendChild(script);
            })();
            </script>
            """;
    }
}
