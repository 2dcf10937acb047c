namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// The real clients the tests drive: Jupyter's nbconvert and nbformat validator (Debian's packages, run by Debian's
/// python3, not whichever python3 comes first on PATH) and headless Chromium. <c>tools/install-test-clients.sh</c>
/// installs them; a test that needs a missing one fails saying so.
/// </summary>
internal static class JupyterClients
{
    public const string Python = "/usr/bin/python3";

    public static string Jupyter => Require("/usr/bin/jupyter", "jupyter-nbconvert");

    public static string Chromium => Require("/usr/bin/chromium", "chromium");

    public static string ValidatorPython => Require(Python, "python3-nbformat");

    public static string InstallScript => Path.Combine(RepositoryPaths.Root, "tools", "install-jupyter-kernel.sh");

    public static string NbconvertConfig => Path.Combine(RepositoryPaths.Root, "tools", "jupyter", "nbconvert_config.py");

    /// <summary>Installs the C# kernel with the project's script into <paramref name="dataDirectory"/>.</summary>
    public static void InstallKernel(string dataDirectory)
    {
        var install = ExternalProcess.Run("bash", [InstallScript, "--data-dir", dataDirectory], TimeSpan.FromMinutes(5));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/install-jupyter-kernel.sh failed ({install.ExitCode}):\n{install.Output}");
        }
    }

    /// <summary>
    /// Arguments of the documented batch client: nbconvert with the series' config (which also sets its time limits),
    /// executing one notebook into <paramref name="outputDirectory"/>.
    /// </summary>
    public static string[] ExecuteArguments(string notebook, string outputDirectory) =>
    [
        "nbconvert", "--config", NbconvertConfig, "--to", "notebook", "--execute", notebook, "--output-dir", outputDirectory,
    ];

    private static string Require(string path, string package) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: install Debian's {package} (bash tools/install-test-clients.sh does).");
}
