using System.Net;
using XPlot.Plotly;

namespace DeepCnn.Plotting;

/// <summary>
/// Plotly charts (XPlot.Plotly) for where hovering pays: exact values under the pointer. Each comes with a static
/// picture of the same data, which is what a reader sees where plotly.js cannot be loaded.
/// </summary>
public static class InteractiveCharts
{
    /// <summary>A confusion matrix heatmap whose hover text gives the count and share of each cell, each row normalised.</summary>
    public static InteractiveChart ConfusionMatrix(string title, int[,] counts, IReadOnlyList<string> classNames)
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

        // The cells hold counts (whole images, summing to the test set); the hover text adds each row's share.
        var z = Enumerable.Range(0, n).Select(a => Enumerable.Range(0, n).Select(p => counts[a, p]).ToArray()).ToArray();
        var heatmap = new Heatmap
        {
            z = z,
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
        chart.WithSize(Charts.Width, Charts.Width * 5 / 6);
        var values = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var p = 0; p < n; p++)
            {
                values[a, p] = counts[a, p];
            }
        }

        return new InteractiveChart(chart, Charts.Heatmap(title, values, classNames, classNames, "predicted class", "true class", cellFormat: "N0"));
    }

    /// <summary>
    /// HTML that shows the chart's picture and, where the page has plotly.js or can load it (through RequireJS where
    /// Jupyter provides it, else a script tag), replaces the picture with the interactive chart. Offline, or where
    /// a viewer strips scripts, the picture stays: never an empty box.
    /// </summary>
    public static string ToHtml(InteractiveChart chart)
    {
        var plotly = chart.Chart;
        var picture = chart.Picture;
        var drawing = plotly.GetInlineJS().Replace("<script>", "", StringComparison.Ordinal).Replace("</script>", "", StringComparison.Ordinal);
        return $$"""
            <div id="{{plotly.Id}}" style="max-width:100%"><img src="{{picture.DataUri}}" alt="{{WebUtility.HtmlEncode(picture.Title)}}" width="{{picture.Width}}" style="max-width:100%"/></div>
            <script type="text/javascript">
            (function () {
                var source = 'https://cdn.plot.ly/plotly-2.35.2.min';
                function draw() {
                    var target = document.getElementById('{{plotly.Id}}');
                    target.innerHTML = '';
                    target.style.width = '{{picture.Width}}px';
                    target.style.height = '{{picture.Height}}px';
                    {{drawing}}
                }
                if (typeof window.Plotly !== 'undefined') { draw(); return; }
                if (typeof window.requirejs === 'function') {
                    window.requirejs.config({ paths: { plotly: source } });
                    window.requirejs(['plotly'], function (plotly) { window.Plotly = plotly; draw(); }, function () { });
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
