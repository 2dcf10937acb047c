namespace DeepCnn.Tests.Notebooks;

/// <summary>The whole notebook series, run once in the quick profile for the tests that inspect it.</summary>
public sealed class QuickSeriesRun() : QuickFolderRun(RepositoryPaths.Notebooks);

[CollectionDefinition(Name)]
public sealed class QuickSeriesCollection : ICollectionFixture<QuickSeriesRun>
{
    public const string Name = "the notebook series, quick profile";
}
