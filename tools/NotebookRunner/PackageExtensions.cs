using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// Loads the kernel extensions that NuGet packages ship under <c>interactive-extensions/dotnet</c>, as the
/// Polyglot Notebooks kernel does after a <c>#r "nuget: ..."</c>. SkiaSharp, which ScottPlot brings in,
/// ships one (it displays bitmaps), so without this a notebook would render differently here than in VS Code.
/// Unlike the Polyglot Notebooks kernel, it does not print "Loading extensions from ..." into the cell's output:
/// that line says nothing to a reader of the notebook.
/// </summary>
internal static class PackageExtensions
{
    public static CompositeKernel UsePackageExtensions(this CompositeKernel kernel)
    {
        var pending = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(new EventObserver<KernelEvent>(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root } && seen.TryAdd(root, true))
                pending.Enqueue(root);
        })));

        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pending.TryDequeue(out var root))
                await LoadAsync(kernel, root, context);
        }, nameof(UsePackageExtensions));

        return kernel;
    }

    private static async Task LoadAsync(CompositeKernel kernel, string packageRoot, KernelInvocationContext context)
    {
        var folder = new DirectoryInfo(Path.Combine(packageRoot, "interactive-extensions", "dotnet"));
        if (!folder.Exists)
            return;

        foreach (var file in folder.GetFiles("*.dll", SearchOption.TopDirectoryOnly))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file.FullName);
            var extensionTypes = assembly.GetExportedTypes().Where(IsExtension).ToArray();
            foreach (var type in extensionTypes)
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                try
                {
                    await extension.OnLoadAsync(kernel);
                    context.Publish(new KernelExtensionLoaded(extension, context.Command));
                }
                catch (Exception e)
                {
                    context.Publish(new ErrorProduced($"Failed to load kernel extension \"{type.Name}\" from {assembly.Location}", context.Command, null));
                    context.Fail(context.Command, new KernelExtensionLoadException(e), null);
                }
            }
        }

        var script = new FileInfo(Path.Combine(folder.FullName, "extension.dib"));
        if (script.Exists)
            await kernel.LoadAndRunInteractiveDocument(script, context.Command);
    }

    private static bool IsExtension(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && typeof(IKernelExtension).IsAssignableFrom(type)
        && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null;
}
