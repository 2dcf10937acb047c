using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeepCnn.SavedCode;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace DeepCnn.Notebook;

/// <summary>
/// How a notebook uses the code an earlier notebook teaches (d2l's <c>#@save</c> idea, without a build step): the magic
/// command <c>#!saved-code 04-alexnet.ipynb</c> reads that notebook as it is saved on disk and runs its <c>// @save</c>
/// cells (after its <c>using</c> directives) in this kernel, so an edit a reader saved in 04 is what 05 trains and 06
/// evaluates. Every saved cell that runs, imported or written in this notebook, is remembered with a fingerprint, so a
/// training run can record which version of the chapter's code it trained.
/// </summary>
public static class SavedCodeRegistry
{
    /// <summary>The magic command.</summary>
    public const string Magic = "#!saved-code";

    private const string ImportedMarker = SavedCells.Marker + " from ";

    private static readonly ConcurrentDictionary<string, string> Fingerprints = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<Kernel, object> Registered = [];

    /// <summary>For each saved type run in this kernel (AlexNet, Xavier, ...): "fingerprint (where it came from)", latest version.</summary>
    public static IReadOnlyDictionary<string, string> Current => new SortedDictionary<string, string>(Fingerprints, StringComparer.Ordinal);

    /// <summary>Adds the magic command and the fingerprinting of saved cells to <paramref name="kernel"/> (once per kernel).</summary>
    internal static void Register(Kernel kernel)
    {
        if (Registered.TryGetValue(kernel, out _))
        {
            return;
        }

        Registered.Add(kernel, new object());
        var directive = new KernelActionDirective(Magic, "Runs the cells that a notebook marks // @save (its using directives first).")
        {
            Parameters = { new KernelDirectiveParameter("--notebook", "The notebook, e.g. 04-alexnet.ipynb") { AllowImplicitName = true, Required = true } },
        };
        kernel.AddDirective<SavedCodeImport>(directive, ImportAsync);
        kernel.AddMiddleware(async (command, context, next) =>
        {
            if (command is SubmitCode submit)
            {
                Remember(submit.Code);
            }

            await next(command, context).ConfigureAwait(false);
        }, "saved-code fingerprints");
    }

    private static async Task ImportAsync(SavedCodeImport command, KernelInvocationContext context)
    {
        var path = Path.GetFullPath(command.Notebook);
        if (!File.Exists(path))
        {
            context.Fail(command, message: $"{Magic}: no notebook at {path}; expected a notebook of the series beside this one, such as 04-alexnet.ipynb.");
            return;
        }

        var name = Path.GetFileName(path);
        IReadOnlyList<SavedCell> cells;
        IReadOnlyList<string> usings;
        try
        {
            cells = SavedCells.InNotebook(path, name);
            usings = SavedCells.Usings(path);
        }
        catch (InvalidDataException e)
        {
            context.Fail(command, e, $"{Magic}: {e.Message}");
            return;
        }

        if (cells.Count == 0)
        {
            context.Fail(command, message: $"{Magic}: {name} has no cell marked {SavedCells.Marker}.");
            return;
        }

        var kernel = context.HandlingKernel;
        var submissions = new[] { string.Join("\n", usings.Where(u => !u.Contains("DeepCnn.Chapter", StringComparison.Ordinal))) }
            .Concat(cells.Select(c => $"{ImportedMarker}{name}, cell {c.CellId}\n{c.Code}"));
        foreach (var code in submissions.Where(c => c.Length > 0))
        {
            var result = await kernel.SendAsync(new SubmitCode(code, kernel.Name)).ConfigureAwait(false);
            if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                var which = code.StartsWith(ImportedMarker, StringComparison.Ordinal) ? code[..code.IndexOf('\n', StringComparison.Ordinal)] : $"the using directives of {name}";
                context.Fail(command, failed.Exception, $"{Magic} {name}: {which} did not compile or run:\n{failed.Message}");
                return;
            }
        }

        Console.WriteLine($"From {name} (saved {File.GetLastWriteTime(path):yyyy-MM-dd HH:mm}): " +
                          string.Join(", ", cells.Select(c => $"{c.TypeName} [{c.Fingerprint}]")));
    }

    // A submission whose first line is the saved-cell marker: remember its first type and fingerprint.
    private static void Remember(string code)
    {
        var text = code.ReplaceLineEndings("\n");
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || !text.StartsWith(SavedCells.Marker, StringComparison.Ordinal))
        {
            return;
        }

        var first = text[..newline].TrimEnd();
        var origin = first.StartsWith(ImportedMarker, StringComparison.Ordinal) ? first[ImportedMarker.Length..] : first == SavedCells.Marker ? "this notebook" : null;
        if (origin is null)
        {
            return;
        }

        var body = text[(newline + 1)..].TrimEnd('\n') + "\n";
        if (SavedCells.TypeNameOf(body) is { } type)
        {
            Fingerprints[type] = $"{CodeFingerprint.Of(body)} ({origin})";
        }
    }
}
