namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Executes the teacher's key (notebooks/key/) once, in the quick profile, as the series is run; data and executed
/// copies go to a temporary folder.
/// </summary>
public sealed class AnswerKeyRun : IDisposable
{
    private readonly TempFolder temp = new();

    public AnswerKeyRun()
    {
        OutputFolder = temp.Combine("executed");
        (ExitCode, Log) = SeriesRunner.RunQuick(temp.Combine("data"), OutputFolder, AnswerKeys.Folder);
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string OutputFolder { get; }

    internal ExecutedNotebook Executed(string fileName) => ExecutedNotebook.Load(Path.Combine(OutputFolder, fileName));

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AnswerKeyCollection : ICollectionFixture<AnswerKeyRun>
{
    public const string Name = "the teacher's key, quick profile";
}
