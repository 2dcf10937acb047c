using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>Jupyter's own notebook validator (nbformat), run by Debian's python3 through Jupyter/validate_notebooks.py.</summary>
internal static class NbformatValidator
{
    public sealed record Result(string Path, bool Valid, string? Problem, string? Version);

    public static IReadOnlyList<Result> Validate(IEnumerable<string> paths)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "Notebooks", "Jupyter", "validate_notebooks.py");
        var run = ExternalProcess.Run(JupyterClients.ValidatorPython, [script, .. paths], TimeSpan.FromMinutes(2));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"The validator failed ({run.ExitCode}); is python3-nbformat installed?\n{run.Output}");
        }

        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line))
            .Select(j => new Result((string)j!["path"]!, (bool)j["valid"]!, (string?)j["problem"], (string?)j["version"])).ToArray();
    }

    /// <summary>Asserts that every notebook in <paramref name="paths"/> is valid nbformat 4.5, naming each one that is not.</summary>
    public static void AssertValid45(IReadOnlyCollection<string> paths)
    {
        Assert.NotEmpty(paths);
        var results = Validate(paths);
        Assert.Equal(paths.Count, results.Count);
        var problems = results.Where(r => !r.Valid || r.Version != "4.5").Select(r => $"{r.Path} ({r.Version}): {r.Problem}").ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }
}
