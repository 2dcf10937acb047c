using DeepCnn.Data;
using DeepCnn.Models;
using DeepCnn.Plotting;
using DeepCnn.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace DeepCnn.Notebook;

/// <summary>
/// The edge to .NET Interactive: registers how the library's values look in a notebook (figures as inline PNG,
/// data banners, Plotly charts, model summaries) and shows values that update in place. Outside a notebook
/// every method falls back to the console, so the same calls work in scripts and tests.
/// </summary>
public static class Display
{
    // One MIME type per picture: every front end (VS Code, Jupyter, nbconvert, GitHub) draws a PNG output, and a
    // second copy as an HTML data URI doubled the size of every executed notebook.
    private static readonly string[] FigureMimeTypes = ["image/png"];
    private static bool registered;

    /// <summary>
    /// The token the kernel cancels when the reader stops the cell that is running now (never cancelled outside a
    /// notebook). Pass the method itself to long work, which asks it again each time a cell runs it.
    /// </summary>
    public static CancellationToken CellCancellation() => KernelInvocationContext.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>True when running inside a notebook cell.</summary>
    public static bool InNotebook => KernelInvocationContext.Current is not null;

    /// <summary>
    /// Registers the formatters and, in a notebook, the <c>#!saved-code</c> magic command (see <see cref="SavedCodeRegistry"/>);
    /// safe to call again. Returns a line describing the session.
    /// </summary>
    public static string Initialize()
    {
        RegisterFormatters();
        if (KernelInvocationContext.Current?.HandlingKernel is { } kernel)
        {
            SavedCodeRegistry.Register(kernel);
        }

        return SessionInfo.Describe();
    }

    /// <summary>A progress bar for a download (of CIFAR-10, say), shown here and updated in place.</summary>
    public static IProgress<DownloadProgress> DownloadProgress() => new DownloadProgressView();

    /// <summary>
    /// The settings that differ between two sets of option records, side by side: <paramref name="left"/> and
    /// <paramref name="right"/> hold records of the same types in the same order (the chapter's and this run's, say).
    /// </summary>
    public static HtmlFragment Compare(string leftName, IReadOnlyList<object> left, string rightName, IReadOnlyList<object> right) =>
        Html.CompareOptions(leftName, left, rightName, right);

    /// <summary>
    /// Every run in <paramref name="run"/>'s runs folder beside it (what differs in settings and code, epochs, best test
    /// accuracy, speed, date, disk) and a chart of their test accuracy after every epoch.
    /// </summary>
    public static void Runs(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var comparison = RunComparison.Of(Path.GetDirectoryName(run.Folder)!, run.Name);
        Show(Html.Runs(comparison));
        Show(Figures.EvaluationFigures.RunCurves(comparison, $"Test accuracy after every epoch, each run in {Path.GetDirectoryName(run.Folder)}"));
    }

    /// <summary>For each saved type of the chapter's code run in this notebook (AlexNet, Xavier, ...): its fingerprint and origin.</summary>
    public static IReadOnlyDictionary<string, string> SavedCode() => SavedCodeRegistry.Current;

    /// <summary>
    /// What the training loop reports to: a progress bar and the live loss/accuracy chart, shown here and updated in
    /// place; it stops the run between two steps when the reader stops the cell that is running.
    /// </summary>
    public static TrainingMonitor Monitor(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var d = run.Description;
        var view = new LiveTrainingView($"{d.Config.Variant} AlexNet on {d.Data.Name}, run {run.Name}");
        return new TrainingMonitor(run, view, CellCancellation);
    }

    private static void RegisterFormatters()
    {
        if (!registered)
        {
            Formatter.Register<Figure>((figure, writer) => writer.Write(Convert.ToBase64String(figure.Png)), "image/png");
            Formatter.SetPreferredMimeTypesFor(typeof(Figure), FigureMimeTypes);
            Formatter.Register<DataOrigin>((origin, writer) => writer.Write(Html.DataBanner(origin).Html), "text/html");
            Formatter.Register<CifarDataSet>((data, writer) => writer.Write(Html.DataBanner(data.Origin, data.ToString()).Html), "text/html");
            Formatter.Register<ModelSummary>((summary, writer) => writer.Write(Html.Summary(summary).Html), "text/html");
            Formatter.Register<InteractiveChart>((chart, writer) => writer.Write(InteractiveCharts.ToHtml(chart)), "text/html");
            Formatter.SetPreferredMimeTypesFor(typeof(InteractiveChart), "text/html");
            Formatter.Register<HtmlFragment>((fragment, writer) => writer.Write(fragment.Html), "text/html");
            Formatter.Register<TrainingRun>((run, writer) => writer.Write(Html.Run(run).Html), "text/html");
            Formatter.Register<TrainingHistory>((history, writer) => writer.Write(Html.Epochs(history).Html), "text/html");
            Formatter.Register<RunComparison>((runs, writer) => writer.Write(Html.Runs(runs).Html), "text/html");
            registered = true;
        }
    }

    /// <summary>Shows <paramref name="value"/> now (not only at the end of the cell) and returns a handle to update it.</summary>
    public static DisplayHandle Show(object value)
    {
        RegisterFormatters();
        if (KernelInvocationContext.Current is not { } context)
        {
            Console.WriteLine(value);
            return new DisplayHandle(null);
        }

        // This form keeps the display id on the handle, so Update() replaces this very output in every front end.
        var shown = value is Figure
            ? KernelInvocationContextExtensions.Display(context, value, FigureMimeTypes)
            : KernelInvocationContextExtensions.Display(context, value);
        return new DisplayHandle(shown);
    }

}
