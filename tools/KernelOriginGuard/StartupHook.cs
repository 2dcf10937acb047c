using System.Runtime.Loader;

/// <summary>
/// Run by the .NET runtime before the kernel's Main, because the kernel spec sets DOTNET_STARTUP_HOOKS to this assembly
/// (the runtime requires this name, in no namespace). It only makes this assembly findable by name, for ASP.NET
/// Core's hosting-startup loader (ASPNETCORE_HOSTINGSTARTUPASSEMBLIES), which then runs <see cref="DeepCnn.KernelOriginGuard.OriginGuard"/>.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        var name = self.GetName().Name;
        AssemblyLoadContext.Default.Resolving += (_, requested) => requested.Name == name ? self : null;

        // Processes the kernel starts (package restores, whatever a notebook runs) must not load it too.
        Environment.SetEnvironmentVariable("DOTNET_STARTUP_HOOKS", null);
    }
}
