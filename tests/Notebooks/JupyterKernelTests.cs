using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>tools/install-jupyter-kernel.sh and the kernel it installs, driven by Jupyter's own nbconvert.</summary>
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
    }

    [Fact]
    public void The_installed_kernel_listens_on_loopback_only_while_a_notebook_runs()
    {
        using var temp = new TempFolder();
        JupyterClients.InstallKernel(temp.Combine("jupyter"));
        var notebook = NotebookJson.Write(temp.Combine("sleep.ipynb"), "System.Threading.Thread.Sleep(8000);", "Console.WriteLine(\"done\");");
        var listening = new List<ListeningSockets.Socket>();

        var run = ExternalProcess.Run(JupyterClients.Jupyter, JupyterClients.ExecuteArguments(notebook, temp.Combine("out")), TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["JUPYTER_PATH"] = temp.Combine("jupyter") },
            whileRunning: pid => listening.AddRange(ListeningSockets.OfProcessTree(pid)));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(listening, s => s.Port is >= 2048 and <= 3000); // the HTTP API was up...
        Assert.All(listening, s => Assert.True(s.OnLoopback, $"{s} is reachable from other machines")); // ...on loopback only
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
