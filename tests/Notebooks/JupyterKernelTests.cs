using System.Net;
using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>tools/install-jupyter-kernel.sh and the kernel it installs, driven by Jupyter's own nbconvert.</summary>
[Collection(TestCollections.Standalone)]
public sealed class JupyterKernelTests
{
    [Fact]
    public void The_script_installs_only_the_csharp_kernel_with_its_http_api_on_loopback()
    {
        using var temp = new TempFolder();

        JupyterClients.InstallKernel(temp.Path);
        JupyterClients.InstallKernel(temp.Path); // safe to run again

        Assert.Equal([".net-csharp"], Directory.GetDirectories(temp.Combine("kernels")).Select(Path.GetFileName));
        var spec = JsonNode.Parse(File.ReadAllText(temp.Combine("kernels", ".net-csharp", "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Contains("--http-local-only", argv);
        Assert.Contains("{connection_file}", argv);
        Assert.True(File.Exists(argv[1]), $"the kernel starts {argv[1]}, which does not exist");
        var pinned = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json")))!
            ["tools"]!["microsoft.dotnet-interactive"]!["version"]!;
        Assert.Contains(pinned, argv[1], StringComparison.Ordinal);
        Assert.Equal("C#", (string?)spec["language"]);
        var hook = (string)spec["env"]!["DOTNET_STARTUP_HOOKS"]!;
        Assert.Equal(temp.Combine("kernels", ".net-csharp", "origin-guard", "DeepCnn.KernelOriginGuard.dll"), hook);
        Assert.True(File.Exists(hook), $"the kernel loads {hook}, which does not exist");
        Assert.Equal("DeepCnn.KernelOriginGuard", (string?)spec["env"]!["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"]);
    }

    /// <summary>
    /// One notebook run under the installed kernel, watched from outside while it sleeps: every socket its process tree
    /// listened on, and what its HTTP API answered. The two tests below read it (one kernel start instead of two).
    /// </summary>
    private static readonly Lazy<WatchedRun> Watched = new(Watch);

    private sealed record WatchedRun(ExternalProcess.Outcome Run, IReadOnlyList<ListeningSockets.Socket> Listening,
        Dictionary<string, HttpResponseMessage>? Answers, string Executed);

    private static WatchedRun Watch()
    {
        using var temp = new TempFolder();
        JupyterClients.InstallKernel(temp.Combine("jupyter"));
        var notebook = NotebookJson.Write(temp.Combine("sleep.ipynb"),
            """Console.WriteLine($"guard variables seen by the kernel's children: '{Environment.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS")}{Environment.GetEnvironmentVariable("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES")}'");""",
            "System.Threading.Thread.Sleep(20000);");
        var listening = new List<ListeningSockets.Socket>();
        Dictionary<string, HttpResponseMessage>? answers = null;

        var run = ExternalProcess.Run(JupyterClients.Jupyter, JupyterClients.ExecuteArguments(notebook, temp.Combine("out")), TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["JUPYTER_PATH"] = temp.Combine("jupyter") },
            whileRunning: pid =>
            {
                var sockets = ListeningSockets.OfProcessTree(pid);
                listening.AddRange(sockets);
                if (answers is null && sockets.FirstOrDefault(s => s.Port is >= 2048 and <= 3000) is { } api)
                {
                    answers = AskTheHttpApi(api.Port);
                }
            });

        var executed = temp.Combine("out", "sleep.ipynb");
        return new WatchedRun(run, listening, answers, File.Exists(executed) ? File.ReadAllText(executed) : "");
    }

    [Fact]
    public void The_installed_kernels_http_api_refuses_web_pages_of_other_origins_and_serves_loopback_pages()
    {
        // dotnet-interactive's own CORS policy answers any origin's preflight as allowed, with credentials; the guard
        // the script installs must refuse them while Jupyter's page (served from loopback) keeps working.
        var (run, _, answers, executed) = Watched.Value;
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(answers is not null, "the kernel's HTTP API never listened while the notebook ran");
        var foreignPreflight = answers["preflight from https://evil.example"];
        Assert.Equal(HttpStatusCode.Forbidden, foreignPreflight.StatusCode);
        Assert.False(foreignPreflight.Headers.Contains("Access-Control-Allow-Origin"), foreignPreflight.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, answers["POST from https://evil.example"].StatusCode); // a simple request, which CORS would let through
        Assert.Equal(HttpStatusCode.Forbidden, answers["GET for host evil.example"].StatusCode); // DNS rebinding
        var jupyterPreflight = answers["preflight from http://localhost:8888"];
        Assert.True(jupyterPreflight.IsSuccessStatusCode, jupyterPreflight.ToString());
        Assert.Equal(["http://localhost:8888"], jupyterPreflight.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, answers["POST from http://localhost:8888"].StatusCode);
        Assert.Contains("guard variables seen by the kernel's children: ''", executed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_kernel_listens_on_loopback_only_while_a_notebook_runs()
    {
        var (run, listening, _, _) = Watched.Value;
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(listening, s => s.Port is >= 2048 and <= 3000); // the HTTP API was up...
        Assert.All(listening, s => Assert.True(s.OnLoopback, $"{s} is reachable from other machines")); // ...on loopback only
    }

    /// <summary>What the kernel's HTTP API on <paramref name="port"/> answers a web page of another origin and Jupyter's.</summary>
    private static Dictionary<string, HttpResponseMessage> AskTheHttpApi(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var negotiate = new Uri($"http://127.0.0.1:{port}/kernelhub/negotiate?negotiateVersion=1");

        HttpResponseMessage Send(HttpMethod method, string? origin, string? host = null)
        {
            using var request = new HttpRequestMessage(method, negotiate);
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            if (method == HttpMethod.Options)
            {
                request.Headers.Add("Access-Control-Request-Method", "POST");
                request.Headers.Add("Access-Control-Request-Headers", "content-type");
            }

            if (host is not null)
            {
                request.Headers.Host = host;
            }

            return client.Send(request);
        }

        return new Dictionary<string, HttpResponseMessage>
        {
            ["preflight from https://evil.example"] = Send(HttpMethod.Options, "https://evil.example"),
            ["POST from https://evil.example"] = Send(HttpMethod.Post, "https://evil.example"),
            ["GET for host evil.example"] = Send(HttpMethod.Get, null, $"evil.example:{port}"),
            ["preflight from http://localhost:8888"] = Send(HttpMethod.Options, "http://localhost:8888"),
            ["POST from http://localhost:8888"] = Send(HttpMethod.Post, "http://localhost:8888"),
        };
    }

    [Fact]
    public void Nbconvert_exits_non_zero_on_a_copy_of_a_notebook_with_a_failing_cell()
    {
        using var temp = new TempFolder();
        JupyterClients.InstallKernel(temp.Combine("jupyter"));
        var copy = JsonNode.Parse(File.ReadAllText(RepositoryPaths.NotebookFiles[0]))!;
        var cells = copy["cells"]!.AsArray();
        var firstCode = cells.Select((c, i) => (c, i)).First(x => (string?)x.c!["cell_type"] == "code").i;
        cells.Insert(firstCode + 1, NotebookJson.CodeCell("failing0", "throw new InvalidOperationException(\"this cell fails on purpose\");"));
        // In a scratch repository the copy's relative references (../helpers/...) resolve as in notebooks/.
        var notebook = Path.Combine(SeriesRunner.ScratchRepository(temp), "failing.ipynb");
        File.WriteAllText(notebook, copy.ToJsonString());
        SeriesRunner.BuildHelpers();

        var run = ExternalProcess.Run(JupyterClients.Jupyter, JupyterClients.ExecuteArguments(notebook, temp.Combine("out")), TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["JUPYTER_PATH"] = temp.Combine("jupyter"), ["ALEXNET_PROFILE"] = "quick" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("this cell fails on purpose", run.Output, StringComparison.Ordinal);
    }
}
