using System.Reflection;
using DeepCnn.Data;

namespace DeepCnn.Tests;

public sealed class LibraryBoundaryTests
{
    [Fact]
    public void The_helper_library_runs_without_dotnet_interactive()
    {
        // Upstream deprecated .NET Interactive: only the DeepCnn.Notebook project may depend on it.
        var references = typeof(CifarDataSet).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notebook_edge_is_the_project_that_references_dotnet_interactive()
    {
        var notebook = Assembly.Load("DeepCnn.Notebook");
        Assert.Contains(notebook.GetReferencedAssemblies(), a => a.Name == "Microsoft.DotNet.Interactive");
    }
}
