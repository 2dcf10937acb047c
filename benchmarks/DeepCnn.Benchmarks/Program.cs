using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DeepCnn.Benchmarks;
using DeepCnn.Benchmarks.Memory;
using DeepCnn.Compute;

if (args.Length > 0 && args[0] == MemoryRunRequest.Flag)
{
    // A child started by the benchmark itself: one allocator setting per process.
    MemoryRunRequest request;
    try
    {
        request = MemoryRunRequest.Parse(args);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }

    if (request.LibTorch is { } childLibTorch)
    {
        LibTorchRoute.Load(childLibTorch);
    }

    // The allocator before libtorch's first allocation (it reads the huge-page setting there; the tuned setting asks for
    // them, as in the main run), then one inter-op thread as in the main run, which libtorch allows only before its
    // first parallel work.
    AllocatorTuning.Apply(request.Allocator, requestHugePages: true);
    TorchSharp.torch.set_num_interop_threads(1);
    MemoryRun.Serve(request, Console.In, Console.Out);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

if (options.LibTorch is { } folder)
{
    // Before anything touches TorchSharp: its native library then binds to this libtorch.
    if (!LibTorchRoute.TryLoad(folder, out var loaded, out var error))
    {
        Console.Error.WriteLine($"--libtorch {folder}: {error}");
        return 2;
    }

    Console.WriteLine($"Loaded {loaded}");
    if (loaded.Warning is { } warning)
    {
        Console.Error.WriteLine($"warning: {warning}");
    }
}

if (Assembly.GetExecutingAssembly().GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for numbers worth reading.");
}

var root = RepositoryRoot.Find(Environment.CurrentDirectory) ?? RepositoryRoot.Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
var command = "dotnet run --project benchmarks/DeepCnn.Benchmarks -c Release --" + (args.Length == 0 ? "" : " " + string.Join(' ', args));
var report = new BenchmarkRunner(options, root, Console.WriteLine).Run(command);

var output = Path.GetFullPath(options.OutputFolder, root);
Directory.CreateDirectory(output);
var stem = Path.Combine(output, "benchmark-" + report.Started.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture));
File.WriteAllText(stem + ".md", ReportRenderer.Markdown(report));
File.WriteAllText(stem + ".json", ReportRenderer.ToJson(report));

Console.WriteLine();
Console.WriteLine(ReportRenderer.Summary(report));
Console.WriteLine($"Report: {stem}.md and .json ({report.DurationSeconds / 60:F1} minutes)");
return 0;
