using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DeepCnn.Tests.Notebooks;

/// <summary>What a teacher does in class: edit the chapter's code in a notebook, run it, and see the change.</summary>
public sealed partial class NotebookEditTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Giving_conv2_128_channels_in_notebook_04_changes_the_parameter_table()
    {
        var edited = Edit("04-alexnet.ipynb", "public sealed class AlexNet", code =>
        {
            Assert.Contains("(192, 0, 0, 0)", code);
            return code.Replace("(192, 0, 0, 0)", "(128, 0, 0, 0)", StringComparison.Ordinal);
        });

        var executed = Execute(edited);

        // conv2 (96 -> c, 5x5) and conv3 (c -> 384, 3x3) are the layers whose size depends on conv2's channels c.
        static long Depending(long c) => (96 * c * 25 + c) + (c * 384 * 9 + 384);
        var expected = 21_247_306 - Depending(192) + Depending(128);
        var total = TotalParameters().Matches(executed.AllText).Select(m => long.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(expected, total);
        Assert.DoesNotContain(21_247_306L, total);
    }

    [Fact]
    public void Swapping_sgd_for_adam_in_notebook_05_still_trains_clearly_above_chance()
    {
        var edited = Edit("05-training.ipynb", "var optimizer = optim.SGD(", code =>
            OptimizerStatement().Replace(code, "var optimizer = optim.Adam(net.parameters(), lr: 1e-4);"));
        Assert.Contains("optim.Adam(", File.ReadAllText(edited));

        var executed = Execute(edited);

        var summary = SummaryLine().Match(executed.AllText);
        Assert.True(summary.Success, "the edited 05 printed no summary line");
        // Chance is 10%; with 500 test images 20% is seven standard deviations above it.
        Assert.True(double.Parse(summary.Groups["test"].Value, CultureInfo.InvariantCulture) >= 20, summary.Value);
    }

    /// <summary>Copies a notebook into a scratch repository, rewriting the one code cell that contains <paramref name="marker"/>.</summary>
    private string Edit(string notebook, string marker, Func<string, string> edit)
    {
        var folder = SeriesRunner.ScratchRepository(temp);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)))!;
        var cell = json["cells"]!.AsArray().Single(c => (string?)c!["cell_type"] == "code" && NotebookJson.Source(c).Contains(marker, StringComparison.Ordinal))!;
        var lines = edit(NotebookJson.Source(cell)).Split('\n');
        cell["source"] = new JsonArray([.. lines.Select((l, i) => JsonValue.Create(i < lines.Length - 1 ? l + "\n" : l))]);
        var path = Path.Combine(folder, notebook);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private ExecutedNotebook Execute(string notebook)
    {
        var output = temp.Combine("executed");
        var (code, log) = SeriesRunner.RunQuick(temp.Combine("data"), output, notebook);
        Assert.True(code == 0, $"the edited notebook failed ({code}):\n{log}");
        return ExecutedNotebook.Load(Path.Combine(output, Path.GetFileName(notebook)));
    }

    [GeneratedRegex(@"<td[^>]*>total</td>(?:<td[^>]*>[^<]*</td>){2}<td[^>]*>(?<count>[\d,]+)</td>")]
    private static partial Regex TotalParameters();

    [GeneratedRegex(@"var optimizer = optim\.SGD\([^;]*;")]
    private static partial Regex OptimizerStatement();

    [GeneratedRegex(@"loss [\d.]+, train acc [\d.]+ ?%, test acc (?<test>[\d.]+) ?%, [\d.]+ images/s on [^\n<]*test images\)")]
    private static partial Regex SummaryLine();
}
