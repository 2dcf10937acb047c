namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// README's second GPU route, tried in a real notebook kernel: TorchSharp's managed package alone, and a libtorch that
/// is already on the machine loaded before anything touches TorchSharp. Here that libtorch is the NuGet cache's CPU
/// libtorch 2.10 (the one a PyTorch 2.10 install would hold), so the route itself is what is tested, not CUDA.
/// </summary>
[Collection(TestCollections.Standalone)]
public sealed class LibTorchRouteNotebookTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_notebook_trains_a_step_on_a_libtorch_it_loads_itself()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var libtorch = Directory.GetDirectories(Path.Combine(packages, "libtorch-cpu-linux-x64"), "2.10*")
            .Select(v => Path.Combine(v, "runtimes", "linux-x64", "native")).First(Directory.Exists);
        string[] cells =
        [
            """
            #r "nuget: TorchSharp, 0.107.0"
            #r "nuget: ScottPlot, 5.1.59"
            #r "nuget: SkiaSharp, 3.119.0"
            #r "nuget: XPlot.Plotly, 4.1.0"
            #r "../helpers/Notebook/bin/Release/net10.0/DeepCnn.Helpers.dll"
            #r "../helpers/Notebook/bin/Release/net10.0/DeepCnn.Notebook.dll"
            """,
            $"""
            var route = DeepCnn.Compute.LibTorchRoute.Load("{libtorch}");
            DeepCnn.Notebook.Display.Initialize();
            route.Folder
            """,
            """
            using static TorchSharp.torch;
            var net = new DeepCnn.Chapter.AlexNet(new DeepCnn.Models.AlexNetConfig { Variant = DeepCnn.Models.AlexNetVariant.Classic, ImageSize = 96 }, 10);
            var optimizer = optim.SGD(net.parameters(), 0.01);
            var batch = new DeepCnn.Data.Batch(randn(2, 3, 96, 96), tensor(new long[] { 1, 2 }), [0, 1]);
            var loss = DeepCnn.Chapter.Minibatch.Step(net, nn.CrossEntropyLoss(), optimizer, batch);
            string.Join(" | ", DeepCnn.Compute.LibTorchRoute.Mapped().Where(p => p.EndsWith("libtorch_cpu.so"))) + $" | loss {loss:F2}"
            """,
        ];
        var path = NotebookJson.Write(Path.Combine(SeriesRunner.ScratchRepository(temp), "route.ipynb"), cells);

        var output = temp.Combine("executed");
        var (code, log) = SeriesRunner.RunQuick(temp.Combine("data"), output, path);

        Assert.True(code == 0, log);
        var text = ExecutedNotebook.Load(Path.Combine(output, "route.ipynb")).AllText;
        // The only libtorch in the process is the one the notebook loaded, and a training step ran on it.
        Assert.Contains(Path.Combine(libtorch, "libtorch_cpu.so") + " | loss", text);
    }
}
