using DeepCnn.SavedCode;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepCnn.ChapterCode;

/// <summary>
/// Works out which of its notebook's <c>using</c> directives each saved cell needs, by compiling all saved cells together
/// against the helper library and TorchSharp and dropping the directives the compiler reports as unnecessary (CS8019).
/// </summary>
internal static class NeededUsings
{
    private const string UnnecessaryUsing = "CS8019";

    /// <summary>For each cell (by type name), the directives it needs, in its notebook's order.</summary>
    /// <param name="cells">Every saved cell: they may use one another's types.</param>
    /// <param name="candidates">For each notebook (as the cells cite it), the directives its code cells declare.</param>
    /// <exception cref="InvalidDataException">The saved cells do not compile together; the message lists the errors.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(IReadOnlyList<SavedCell> cells, IReadOnlyDictionary<string, IReadOnlyList<string>> candidates)
    {
        var usingsOf = cells.ToDictionary(c => c.TypeName, c => Candidates(candidates.GetValueOrDefault(c.Notebook) ?? []));
        var (trees, compilation) = Compile(cells, usingsOf);

        // A directive for a namespace the library does not have (the notebook edge's DeepCnn.Notebook) is no candidate.
        var unresolved = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && InUsing(tree, d.Location.SourceSpan))
            .Select(d => Directive(d.Location.SourceTree!.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString()))
            .ToHashSet(StringComparer.Ordinal);
        if (unresolved.Count > 0)
        {
            usingsOf = usingsOf.ToDictionary(pair => pair.Key, pair => pair.Value.Where(u => !unresolved.Contains(u)).ToList());
            (trees, compilation) = Compile(cells, usingsOf);
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException("The saved cells do not compile against the helper library:\n" +
                string.Join('\n', errors.Take(10).Select(e => "  " + e)));
        }

        return trees.ToDictionary(pair => pair.Key, pair =>
        {
            var (usings, tree) = (usingsOf[pair.Key], pair.Value);
            var model = compilation.GetSemanticModel(tree);
            var unnecessary = model.GetDiagnostics().Where(d => d.Id == UnnecessaryUsing)
                .Select(d => tree.GetText().ToString(d.Location.SourceSpan).Trim())
                .ToHashSet(StringComparer.Ordinal);
            return (IReadOnlyList<string>)usings.Where(u => !unnecessary.Contains(Directive(u))).ToList();
        });
    }

    private static (Dictionary<string, SyntaxTree> Trees, CSharpCompilation Compilation) Compile(
        IReadOnlyList<SavedCell> cells, Dictionary<string, List<string>> usingsOf)
    {
        var trees = cells.ToDictionary(c => c.TypeName,
            c => CSharpSyntaxTree.ParseText(ChapterFile.Render(c, usingsOf[c.TypeName]), path: ChapterFile.PathOf(c)));
        var compilation = CSharpCompilation.Create("SavedCells", trees.Values.Append(ImplicitUsings), References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return (trees, compilation);
    }

    private static bool InUsing(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        tree.GetRoot().FindNode(span).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.UsingDirectiveSyntax>().Any();

    // What both a notebook kernel and the helper library (ImplicitUsings) import without being asked.
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n", path: "ImplicitUsings.cs");

    // A notebook's directives without its comments; never the saved copies' own namespace (the notebooks do not import it).
    private static List<string> Candidates(IReadOnlyList<string> usings) =>
        usings.Select(Directive)
            .Where(u => u != $"using {ChapterFile.Namespace};")
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string Directive(string line) => line.Split("//", 2)[0].Trim();

    // The runtime's own assemblies, the helper library and TorchSharp: what a notebook's kernel compiles against.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(DeepCnn.Data.Batch).Assembly.Location)
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());
}
