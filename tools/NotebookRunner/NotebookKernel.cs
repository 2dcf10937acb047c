using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace DeepCnn.NotebookExecution;

/// <summary>Builds the kernel a notebook runs in: the C# part of what Polyglot Notebooks starts.</summary>
internal static class NotebookKernel
{
    /// <summary>Creates the kernel and compiles one empty submission, so that the compiler's start-up
    /// (seconds) is not counted against the first cell's time and timeout.</summary>
    public static async Task<CompositeKernel> StartAsync()
    {
        var kernel = Create();
        await kernel.SendAsync(new SubmitCode("// kernel warm-up", kernel.DefaultKernelName), CancellationToken.None);
        return kernel;
    }

    private static CompositeKernel Create()
    {
        // Formatters are process-wide; a notebook must not see the ones an earlier notebook registered.
        Formatter.ResetToDefault();

        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();

        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = csharp.Name;
        return composite.UsePackageExtensions();
    }
}
