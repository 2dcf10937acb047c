using DeepCnn.Compute;
using DeepCnn.Data;
using DeepCnn.GpuCheck;

// The GPU check: both variants trained with the notebooks' code, reloaded and evaluated; step vs epoch speed.
// Exit 0 when every check passed, 1 when one failed, 2 for bad arguments.
CheckOptions options;
try
{
    options = CheckOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(CheckOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(CheckOptions.Usage);
    return 0;
}

// First, before anything touches TorchSharp: an existing PyTorch install's libtorch, when asked for.
if (options.LibTorch is { } folder)
{
    if (!LibTorchRoute.TryLoad(folder, out var load, out var error))
    {
        Console.Error.WriteLine($"error: --libtorch {folder}: {error}");
        return 2;
    }

    Console.WriteLine($"libtorch: {load}");
    if (load.Warning is { } warning)
    {
        Console.WriteLine($"warning: {warning}");
    }
}

var device = Devices.Resolve(options.Device);
var machine = MachineInfo.Current();
Console.WriteLine($"{machine}; device: {Devices.Describe(device)}");
var output = Path.GetFullPath(options.Output);
Directory.CreateDirectory(output);
var data = SyntheticCifar.Load(Path.Combine(output, "synthetic-data"), options.TrainImages, options.TestImages, seed: 1);
Console.WriteLine($"data: {data}");

var results = new List<VariantResult>();
foreach (var variant in options.Variants)
{
    Console.WriteLine($"== {variant} AlexNet ==");
    results.Add(VariantCheck.Run(variant, data, options, device, output, Console.WriteLine));
}

var report = new CheckReport(machine.ToString(), Devices.Describe(device), Devices.GpuName(device), LibTorchRoute.Current?.ToString(),
    data.ToString(), options, results);
File.WriteAllText(Path.Combine(output, "gpu-check.md"), report.Markdown());
File.WriteAllText(Path.Combine(output, "gpu-check.json"), report.Json());
Console.WriteLine();
Console.WriteLine(report.Markdown());
Console.WriteLine($"Report: {Path.Combine(output, "gpu-check.md")} and .json");
return report.Failures.Count == 0 ? 0 : 1;
