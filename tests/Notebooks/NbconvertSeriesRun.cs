namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Executes the whole series once with Jupyter's own batch client, <c>jupyter nbconvert --execute</c>, and the kernel
/// that <c>tools/install-jupyter-kernel.sh</c> installs, in the quick profile, one notebook at a time; samples the
/// sockets that each run's processes listen on while it runs; then converts notebook 06 to HTML.
/// </summary>
public sealed class NbconvertSeriesRun : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Dictionary<string, NotebookRun> runs = new(StringComparer.Ordinal);

    public NbconvertSeriesRun()
    {
        SeriesRunner.BuildHelpers();
        var kernels = temp.Combine("jupyter");
        JupyterClients.InstallKernel(kernels);
        OutputFolder = temp.Combine("executed");
        var environment = new Dictionary<string, string?>
        {
            ["JUPYTER_PATH"] = kernels,
            ["ALEXNET_PROFILE"] = "quick",
            ["ALEXNET_CACHE_FOLDER"] = temp.Combine("data"),
        };

        foreach (var notebook in RepositoryPaths.NotebookFiles)
        {
            var sockets = new List<ListeningSockets.Socket>();
            var run = ExternalProcess.Run(JupyterClients.Jupyter, JupyterClients.ExecuteArguments(notebook, OutputFolder), TimeSpan.FromMinutes(30),
                environment, whileRunning: pid => sockets.AddRange(ListeningSockets.OfProcessTree(pid)));
            runs[Path.GetFileName(notebook)] = new NotebookRun(run.ExitCode, run.Output, sockets.Distinct().ToArray());
        }

        HtmlFolder = temp.Combine("html");
        var evaluation = Path.Combine(OutputFolder, "06-evaluation.ipynb");
        HtmlExport = File.Exists(evaluation)
            ? ExternalProcess.Run(JupyterClients.Jupyter, ["nbconvert", "--to", "html", evaluation, "--output-dir", HtmlFolder], TimeSpan.FromMinutes(5))
            : new ExternalProcess.Outcome(-2, "06 was not executed");
    }

    public string OutputFolder { get; }

    public string HtmlFolder { get; }

    internal ExternalProcess.Outcome HtmlExport { get; }

    internal NotebookRun Run(string fileName) => runs[fileName];

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose() => temp.Dispose();

    /// <summary>One notebook's nbconvert run: exit code, output, and every socket its processes were seen listening on.</summary>
    internal sealed record NotebookRun(int ExitCode, string Log, IReadOnlyList<ListeningSockets.Socket> Listening);
}

[CollectionDefinition(Name)]
public sealed class NbconvertSeriesCollection : ICollectionFixture<NbconvertSeriesRun>
{
    public const string Name = "the notebook series under jupyter nbconvert, quick profile";
}
