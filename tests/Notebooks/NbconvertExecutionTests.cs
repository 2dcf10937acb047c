using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace DeepCnn.Tests.Notebooks;

/// <summary>The series as Jupyter's batch client runs it: <c>jupyter nbconvert --execute</c> with the kernel from the install script.</summary>
[Collection(TestCollections.NotebookRuns)]
public sealed class NbconvertExecutionTests
{
    private static NbconvertRun Series => NotebookRuns.Nbconvert;

    public static TheoryData<string, int> Notebooks => NotebookExecutionTests.Notebooks;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Nbconvert_executes_every_notebook_without_errors_and_with_its_figures(string notebook, int figures)
    {
        var run = Series.Run(notebook);
        Assert.True(run.ExitCode == 0, $"nbconvert exited with {run.ExitCode} on {notebook}:\n{run.Log}");
        var executed = Series.Executed(notebook);
        Assert.True(executed.AllCellsRan, $"{notebook}: not every cell ran");
        Assert.Empty(executed.Errors);
        Assert.True(executed.ImageCount >= figures, $"{notebook}: {executed.ImageCount} figures, expected at least {figures}");
        Assert.Contains("QUICK profile", executed.AllText);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void While_a_notebook_runs_the_kernel_listens_on_loopback_only(string notebook, int figures)
    {
        _ = figures;
        var listening = Series.Run(notebook).Listening;
        Assert.All(listening, socket => Assert.True(socket.OnLoopback, $"{notebook}: {socket} is reachable from other machines"));
        // Not vacuous: the kernel's HTTP API (ports 2048-3000) was seen, on loopback.
        Assert.Contains(listening, socket => socket.Port is >= 2048 and <= 3000);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Executed_notebooks_carry_no_machine_address_no_kernel_noise_and_each_figure_once(string notebook, int figures)
    {
        _ = figures;
        var executed = Series.Executed(notebook);
        var text = File.ReadAllText(executed.Path);
        Assert.All(MachineAddresses(), address => Assert.DoesNotContain(address, text, StringComparison.Ordinal));
        Assert.DoesNotContain("probeAddresses", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading extension", executed.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("warning CS", executed.ErrorStream, StringComparison.Ordinal);
        Assert.Empty(executed.FiguresStoredTwice);
    }

    [Fact]
    public void The_executed_copies_are_valid_nbformat_4_5()
    {
        NbformatValidator.AssertValid45(Notebooks.Select(row => Path.Combine(Series.OutputFolder, (string)row[0])).ToArray());
    }

    [Fact]
    public void Evaluation_under_nbconvert_loaded_the_run_that_training_wrote()
    {
        var run = NotebookExecutionTests.RunName().Match(Series.Executed("05-training.ipynb").AllText);
        Assert.True(run.Success, "05 did not name its run");
        var loaded = Series.Executed("06-evaluation.ipynb").AllText;
        Assert.Contains($"run {run.Value}, epoch", loaded);
        Assert.Contains("Test accuracy:", loaded);
    }

    // This machine's own addresses, loopback and link-local scope ids aside.
    private static IEnumerable<string> MachineAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .SelectMany(i => i.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        .Select(a => new IPAddress(a.GetAddressBytes()).ToString())
        .Distinct();
}
