namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// The whole series executed once with Jupyter's own batch client, <c>jupyter nbconvert --execute</c>, and the kernel
/// that <c>tools/install-jupyter-kernel.sh</c> installs, in the quick profile with <see cref="NotebookRuns.ShortTraining"/>
/// (what runs under Jupyter's client is the point here, not how well 05 learns), one notebook at a time; the sockets each
/// run's processes listened on while it ran; and notebook 06 converted to HTML.
/// </summary>
internal sealed class NbconvertRun
{
    private readonly Dictionary<string, Execution> executions = new(StringComparer.Ordinal);

    private NbconvertRun(string folder)
    {
        OutputFolder = Path.Combine(folder, "executed");
        HtmlFolder = Path.Combine(folder, "html");
    }

    public string OutputFolder { get; }

    public string HtmlFolder { get; }

    public ExternalProcess.Outcome HtmlExport { get; private set; } = new(-2, "06 was not executed");

    /// <summary>Runs the series under nbconvert with <paramref name="folder"/> for the kernel spec, data, copies and HTML.</summary>
    public static NbconvertRun Execute(string folder)
    {
        var run = new NbconvertRun(folder);
        var kernels = Path.Combine(folder, "jupyter");
        JupyterClients.InstallKernel(kernels);
        var environment = new Dictionary<string, string?>
        {
            ["JUPYTER_PATH"] = kernels,
            ["ALEXNET_PROFILE"] = "quick",
            ["ALEXNET_CACHE_FOLDER"] = Path.Combine(folder, "data"),
        };
        foreach (var assignment in NotebookRuns.ShortTraining)
        {
            var (name, value) = (assignment[..assignment.IndexOf('=')], assignment[(assignment.IndexOf('=') + 1)..]);
            environment[name] = value;
        }

        foreach (var notebook in RepositoryPaths.NotebookFiles)
        {
            var name = Path.GetFileName(notebook);
            TestProgress.Report("nbconvert", $"executing {name}");
            var sockets = new List<ListeningSockets.Socket>();
            var outcome = ExternalProcess.Run(JupyterClients.Jupyter, JupyterClients.ExecuteArguments(notebook, run.OutputFolder), TimeSpan.FromMinutes(30),
                environment, whileRunning: pid => sockets.AddRange(ListeningSockets.OfProcessTree(pid)));
            TestProgress.Report("nbconvert", $"{name}: exit code {outcome.ExitCode}");
            run.executions[name] = new Execution(outcome.ExitCode, outcome.Output, sockets.Distinct().ToArray());
        }

        var evaluation = Path.Combine(run.OutputFolder, "06-evaluation.ipynb");
        if (File.Exists(evaluation))
        {
            run.HtmlExport = ExternalProcess.Run(JupyterClients.Jupyter, ["nbconvert", "--to", "html", evaluation, "--output-dir", run.HtmlFolder], TimeSpan.FromMinutes(5));
        }

        return run;
    }

    public Execution Run(string fileName) => executions[fileName];

    public ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    /// <summary>One notebook's nbconvert run: exit code, output, and every socket its processes were seen listening on.</summary>
    internal sealed record Execution(int ExitCode, string Log, IReadOnlyList<ListeningSockets.Socket> Listening);
}
