namespace DeepCnn.Tests.Notebooks;

/// <summary>The teacher's key (notebooks/key/), run once in the quick profile as the series is.</summary>
public sealed class AnswerKeyRun() : QuickFolderRun(AnswerKeys.Folder);

[CollectionDefinition(Name)]
public sealed class AnswerKeyCollection : ICollectionFixture<AnswerKeyRun>
{
    public const string Name = "the teacher's key, quick profile";
}
