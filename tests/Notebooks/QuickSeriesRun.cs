namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Runs the whole notebook series once, in the quick profile, the way the main job does. Data, checkpoints and
/// executed copies go to a temporary folder, never to the repository's data/.
/// </summary>
public sealed class QuickSeriesRun : IDisposable
{
    private readonly TempFolder temp = new();

    public QuickSeriesRun()
    {
        OutputFolder = temp.Combine("executed");
        (ExitCode, Log) = SeriesRunner.RunQuick(temp.Combine("data"), OutputFolder, RepositoryPaths.Notebooks);
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string OutputFolder { get; }

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class QuickSeriesCollection : ICollectionFixture<QuickSeriesRun>
{
    public const string Name = "the notebook series, quick profile";
}
