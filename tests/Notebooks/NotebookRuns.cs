using System.Text.Json.Nodes;

namespace DeepCnn.Tests.Notebooks;

/// <summary>
/// Every notebook execution the tests inspect, each done once per test run and shared by all the tests that read it.
/// The first test that needs one starts them all in the background, two at a time (more only slowed the suite down: a
/// run that trains keeps both cores busy), so the slow part of the suite overlaps instead of queueing. Data, runs and executed
/// copies go to a temporary folder, never to the repository's data/.
/// </summary>
internal static class NotebookRuns
{
    /// <summary>
    /// For runs whose tests read what the notebooks show and record, not how well the network learns (nbconvert): one
    /// epoch of four steps and a small test set, so 05 and 06 take seconds, not a minute.
    /// </summary>
    public static readonly string[] ShortTraining =
        ["ALEXNET_EPOCHS=1", "ALEXNET_TRAIN_SUBSET=64", "ALEXNET_TEST_SUBSET=64", "ALEXNET_TRAIN_ACCURACY_IMAGES=32"];

    /// <summary>The edited copies: one epoch of 24 steps, enough for Adam to leave chance behind, and 200 test images.</summary>
    public static readonly string[] EditedTraining =
        ["ALEXNET_EPOCHS=1", "ALEXNET_TRAIN_SUBSET=384", "ALEXNET_TEST_SUBSET=200", "ALEXNET_TRAIN_ACCURACY_IMAGES=32"];

    private static readonly RunQueue Queue = new(slots: 2);
    private static readonly TempFolder Scratch = CreateScratch();

    private static readonly Lazy<Task<NotebookRun>> SeriesRun = new(() => Schedule(() =>
        Runner("series", Scratch.Combine("series", "data"), Scratch.Combine("series", "executed"), RepositoryPaths.Notebooks)));

    private static readonly Lazy<Task<NotebookRun>> EditedRun = new(() => After(SeriesRun, series =>
    {
        // A reader's edits, saved in 04 and 05, then 04 to 06 run again in the same cache as the pristine series.
        var notebooks = ScratchRepository("edited");
        Copy(notebooks, "04-alexnet.ipynb", "public sealed class AlexNet", code => Replace(code, "(192, 0, 0, 0)", "(128, 0, 0, 0)"));
        Copy(notebooks, "05-training.ipynb", "public static class Setup", code => Replace(code, OriginalOptimizer, AdamOptimizer));
        Copy(notebooks, "06-evaluation.ipynb", null, code => code);
        return Runner("edited", series.CacheFolder, Scratch.Combine("edited", "executed"), EditedTraining,
            [Path.Combine(notebooks, "04-alexnet.ipynb"), Path.Combine(notebooks, "05-training.ipynb"), Path.Combine(notebooks, "06-evaluation.ipynb")]);
    }));

    private static readonly Lazy<Task<NotebookRun>> KeysRun = new(() => Schedule(() =>
        Runner("keys", Scratch.Combine("keys", "data"), Scratch.Combine("keys", "executed"), AnswerKeys.Folder)));

    private static readonly Lazy<Task<NotebookRun>> CancelledRun = new(() => Schedule(() =>
    {
        // Ctrl+C a few seconds into 05's training, as a reader stops the main job.
        var started = (DateTime?)null;
        void Watch(string line)
        {
            TestProgress.Report("cancelled", line);
            if (started is null && line.Contains("TrainingLoop.Run(", StringComparison.Ordinal))
            {
                started = DateTime.UtcNow;
            }
        }

        var interrupted = false;
        void Interrupt(int pid)
        {
            if (!interrupted && started is { } at && DateTime.UtcNow - at > TimeSpan.FromSeconds(4))
            {
                interrupted = true;
                using var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
        }

        var cache = Scratch.Combine("cancelled", "data");
        var output = Scratch.Combine("cancelled", "executed");
        var outcome = SeriesRunner.RunQuick(cache, output, Path.Combine(RepositoryPaths.Notebooks, "05-training.ipynb"), Watch, Interrupt);
        return new NotebookRun("cancelled", outcome.ExitCode, outcome.Output, output, cache);
    }));

    private static readonly Lazy<Task<(NotebookRun Photos, ImageFolderSample Sample)>> PhotosRun = new(() => Schedule(() =>
    {
        // A class's own photos: a folder of PNG and JPEG files per class, with an unreadable file and odd images among them.
        var sample = ImageFolderSample.Write(Scratch.Combine("photos", "My photos"), perClass: 80);
        var run = Runner("photos", Scratch.Combine("photos", "data"), Scratch.Combine("photos", "executed"),
            ["ALEXNET_DATA_SET=imagefolder", $"ALEXNET_IMAGE_FOLDER={sample.Root}"],
            [.. new[] { "03-data.ipynb", "04-alexnet.ipynb", "05-training.ipynb", "06-evaluation.ipynb" }.Select(Notebook)]);
        return (run, sample);
    }));

    private static readonly Lazy<Task<(NotebookRun Copy, NotebookRun WeakBaseline)>> CopyRun = new(() => Schedule(() =>
    {
        // A reader's own data in CIFAR-10's binary layout: its own class names, unbalanced splits, not CIFAR-10.
        var copy = CifarLayoutCopy.Write(Scratch.Combine("copy"), "fruit", CopyClasses, [240, 180, 140, 100, 60], [60, 45, 35, 25, 15]);
        // One epoch: on these coloured squares AlexNet is far above chance after it (about 78% of 5 classes), and the
        // tests read how 06 names the data and the winner, not a learning curve.
        string[] data = ["ALEXNET_DATA_SET=cifar10", $"ALEXNET_CIFAR10_SOURCE={copy}", "ALEXNET_EPOCHS=1"];
        var cache = Scratch.Combine("copy", "data");
        var first = Runner("copy", cache, Scratch.Combine("copy", "executed"), data,
            [.. new[] { "01-learning-representations.ipynb", "03-data.ipynb", "05-training.ipynb", "06-evaluation.ipynb" }.Select(Notebook)]);

        // Then a reader cripples the hand-made baseline in 01 (a learning rate of almost nothing) and runs 01 and 06 again.
        var notebooks = ScratchRepository("copy-weak");
        Copy(notebooks, "01-learning-representations.ipynb", "LearningRate = 0.05", code => Replace(code, "LearningRate = 0.05", "LearningRate = 1e-9"));
        foreach (var unchanged in new[] { "04-alexnet.ipynb", "05-training.ipynb", "06-evaluation.ipynb" })
        {
            Copy(notebooks, unchanged, null, code => code); // 06 runs the saved cells of 04 and 05 beside it
        }
        var second = Runner("copy-weak", cache, Scratch.Combine("copy-weak", "executed"), data,
            [Path.Combine(notebooks, "01-learning-representations.ipynb"), Path.Combine(notebooks, "06-evaluation.ipynb")]);
        return (first, second);
    }));

    private static readonly Lazy<Task<NotebookRun>> ClassRun = new(() => Schedule(() =>
        // The class profile as a teacher starts it, on synthetic data (CIFAR-10 cannot be downloaded here), with its
        // epochs cut to one of two steps: its own sizes (10,000 images, three epochs) take about ten minutes.
        Runner("class", Scratch.Combine("class", "data"), Scratch.Combine("class", "executed"),
            ["ALEXNET_PROFILE=class", "ALEXNET_DATA_SET=synthetic", "ALEXNET_EPOCHS=1", "ALEXNET_TRAIN_SUBSET=128", "ALEXNET_TEST_SUBSET=128"],
            [Notebook("05-training.ipynb")])));

    private static readonly Lazy<Task<NbconvertRun>> NbconvertSeriesRun = new(() => Schedule(() => NbconvertRun.Execute(Scratch.Combine("nbconvert"))));

    /// <summary>The optimiser line of notebook 05's set-up, as committed.</summary>
    public const string OriginalOptimizer = "optim.SGD(net.parameters(), options.LearningRate,\n            momentum: options.Momentum, weight_decay: options.WeightDecay)";

    /// <summary>What the edited copy of notebook 05 trains with instead.</summary>
    public const string AdamOptimizer = "optim.Adam(net.parameters(), lr: 1e-4)";

    /// <summary>The whole series, quick profile, our runner.</summary>
    public static NotebookRun Series => Wait(SeriesRun);

    /// <summary>
    /// Notebooks 04 to 06 again after a reader's saved edits (conv2 with 128 channels in 04, Adam at 1e-4 in 05's set-up),
    /// in the cache where <see cref="Series"/> trained first: 05's second run, beside the first.
    /// </summary>
    public static NotebookRun Edited => Wait(EditedRun);

    /// <summary>The teacher's key, quick profile, our runner.</summary>
    public static NotebookRun Keys => Wait(KeysRun);

    /// <summary>Notebook 05 under our runner, interrupted with Ctrl+C (SIGINT to the runner) a few seconds into training.</summary>
    public static NotebookRun Cancelled => Wait(CancelledRun);

    /// <summary>Notebook 05 in the class profile on synthetic data, one short epoch.</summary>
    public static NotebookRun ClassProfile => Wait(ClassRun);

    /// <summary>The classes of the generated copy in CIFAR-10's layout.</summary>
    public static IReadOnlyList<string> CopyClasses => ["apple", "pear", "plum", "fig", "kiwi"];

    /// <summary>Notebooks 03 to 06 on a generated folder of photos (<see cref="ImageFolderSample"/>), quick profile.</summary>
    public static (NotebookRun Run, ImageFolderSample Sample) Photos => Wait(PhotosRun);

    /// <summary>
    /// Notebooks 01, 03, 05 and 06 on a generated copy in CIFAR-10's layout that is not CIFAR-10 (its own class names,
    /// unbalanced); then 01 again with its classifier's learning rate cut to almost nothing, and 06 again.
    /// </summary>
    public static (NotebookRun Run, NotebookRun WeakBaseline) LayoutCopy => Wait(CopyRun);

    /// <summary>The whole series under Jupyter's own batch client, quick profile.</summary>
    public static NbconvertRun Nbconvert => Wait(NbconvertSeriesRun);

    private static T Wait<T>(Lazy<Task<T>> run)
    {
        StartAll();
        return run.Value.GetAwaiter().GetResult();
    }

    // Touching a run starts it; each waits for a slot. DEEPCNN_TEST_EAGER_RUNS=series,edited (say) starts only those
    // ahead of need, for a developer running a few tests; the others still start when a test needs them.
    private static void StartAll()
    {
        var eager = Environment.GetEnvironmentVariable("DEEPCNN_TEST_EAGER_RUNS")?.Split(',', StringSplitOptions.TrimEntries);
        bool Eager(string name) => eager is null || eager.Contains(name);
        // Longest chains first (the series, which the edited copies wait for; the copy, then its weak-baseline rerun),
        // so that the end of the suite is not one long run on its own.
        foreach (var (name, start) in new (string, Action)[]
        {
            ("series", () => _ = SeriesRun.Value),
            ("copy", () => _ = CopyRun.Value),
            ("nbconvert", () => _ = NbconvertSeriesRun.Value),
            ("keys", () => _ = KeysRun.Value),
            ("photos", () => _ = PhotosRun.Value),
            ("cancelled", () => _ = CancelledRun.Value),
            ("class", () => _ = ClassRun.Value),
            ("edited", () => _ = EditedRun.Value),
        })
        {
            if (Eager(name))
            {
                start();
            }
        }
    }

    // Queued now, in call order; runs when a slot is free.
    private static Task<T> Schedule<T>(Func<T> run)
    {
        var slot = Queue.Enter();
        return Task.Run(async () =>
        {
            SeriesRunner.BuildHelpers(); // every run needs the Release build; the first caller builds it
            await slot.ConfigureAwait(false);
            try
            {
                return run();
            }
            finally
            {
                Queue.Leave();
            }
        });
    }

    // Queued once the run it builds on has finished (holding no slot while it waits).
    private static Task<T> After<TFirst, T>(Lazy<Task<TFirst>> first, Func<TFirst, T> run) =>
        first.Value.ContinueWith(done => Schedule(() => run(done.GetAwaiter().GetResult())), TaskScheduler.Default).Unwrap();

    private static NotebookRun Runner(string name, string cache, string output, params string[] notebooks) => Runner(name, cache, output, [], notebooks);

    private static NotebookRun Runner(string name, string cache, string output, string[] environment, string[] notebooks)
    {
        TestProgress.Report(name, $"starting: {string.Join(", ", notebooks.Select(Path.GetFileName))}");
        var (code, log) = SeriesRunner.RunQuick(cache, output, line => TestProgress.Report(name, line), notebooks, environment);
        TestProgress.Report(name, $"finished with exit code {code}");
        return new NotebookRun(name, code, log, output, cache);
    }

    private static string Notebook(string name) => Path.Combine(RepositoryPaths.Notebooks, name);

    /// <summary>A scratch repository (its own notebooks/, a link to the real helpers/) named <paramref name="name"/>; returns its notebooks folder.</summary>
    private static string ScratchRepository(string name)
    {
        var root = Scratch.Combine(name, "repository");
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateSymbolicLink(Path.Combine(root, "helpers"), Path.Combine(RepositoryPaths.Root, "helpers"));
        return Path.Combine(root, "notebooks");
    }

    /// <summary>Copies a notebook, rewriting the one code cell that contains <paramref name="marker"/> (none: all cells as they are).</summary>
    private static void Copy(string folder, string notebook, string? marker, Func<string, string> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, notebook)))!;
        if (marker is not null)
        {
            var cell = json["cells"]!.AsArray().Single(c => (string?)c!["cell_type"] == "code" && NotebookJson.Source(c).Contains(marker, StringComparison.Ordinal))!;
            cell["source"] = edit(NotebookJson.Source(cell));
        }

        File.WriteAllText(Path.Combine(folder, notebook), json.ToJsonString());
    }

    private static string Replace(string code, string old, string replacement) => code.Contains(old, StringComparison.Ordinal)
        ? code.Replace(old, replacement, StringComparison.Ordinal)
        : throw new InvalidOperationException($"The cell no longer contains '{old}': update the edit the tests make.");

    private static TempFolder CreateScratch()
    {
        var scratch = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => scratch.Dispose();
        return scratch;
    }
}
