namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs every notebook of one folder once, in the quick profile, the way the main job does; data, checkpoints and
/// executed copies go to a temporary folder, never to the repository's data/. Test fixtures derive one per folder.
/// </summary>
public abstract class QuickFolderRun : IDisposable
{
    private readonly TempFolder temp = new();

    protected QuickFolderRun(string folder)
    {
        OutputFolder = temp.Combine("executed");
        (ExitCode, Log) = SeriesRunner.RunQuick(temp.Combine("data"), OutputFolder, folder);
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string OutputFolder { get; }

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose()
    {
        temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
