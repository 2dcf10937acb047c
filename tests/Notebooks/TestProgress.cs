namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Progress of the notebook runs for whoever watches the tests: lines appended to the file named by
/// <c>DEEPCNN_TEST_PROGRESS</c> (the test script follows it), since a test host's console is not shown while it runs.
/// </summary>
internal static class TestProgress
{
    private static readonly string? File = Environment.GetEnvironmentVariable("DEEPCNN_TEST_PROGRESS");
    private static readonly Lock Gate = new();

    /// <summary>Appends "[run] text" with the time; does nothing when no progress file was asked for.</summary>
    public static void Report(string run, string text)
    {
        if (string.IsNullOrEmpty(File))
        {
            return;
        }

        lock (Gate)
        {
            System.IO.File.AppendAllText(File, $"{DateTime.Now:HH:mm:ss} [{run}] {text}{Environment.NewLine}");
        }
    }
}
