using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DeepCnn.Benchmarks;

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

if (Assembly.GetExecutingAssembly().GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for numbers worth reading.");
}

var root = RepositoryRoot.Find(Environment.CurrentDirectory) ?? RepositoryRoot.Find(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
var command = "dotnet run --project benchmarks/DeepCnn.Benchmarks -c Release --" + (args.Length == 0 ? "" : " " + string.Join(' ', args));
var report = new BenchmarkRunner(options, root, Console.WriteLine).Run(command);

var folder = Path.GetFullPath(options.OutputFolder, root);
Directory.CreateDirectory(folder);
var stem = Path.Combine(folder, "benchmark-" + report.Started.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture));
File.WriteAllText(stem + ".md", ReportRenderer.Markdown(report));
File.WriteAllText(stem + ".json", ReportRenderer.ToJson(report));

Console.WriteLine();
Console.WriteLine(ReportRenderer.Summary(report));
Console.WriteLine($"Report: {stem}.md and .json ({report.DurationSeconds / 60:F1} minutes)");
return 0;
