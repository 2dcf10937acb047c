using System.Text.Json.Nodes;

namespace DeepCnn.NotebookExecution.Tests;

/// <summary>The console runner's contract, driven as a separate process: exit code, messages, executed copy.</summary>
public sealed class ConsoleRunnerTests
{
    [Fact]
    public async Task All_cells_pass_exit_0_with_progress_and_an_executed_copy_with_outputs()
    {
        using var notebook = TestNotebook.Create(
            "Console.WriteLine(\"hello\");",
            "var answer = 6 * 7;\nanswer");

        var run = await RunnerProcess.RunAsync(notebook.Folder, "-o", notebook.OutputFolder, notebook.Path);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("[1/2] Console.WriteLine(\"hello\");", run.Output, StringComparison.Ordinal);
        Assert.Contains("[2/2] var answer = 6 * 7;", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 succeeded, 0 failed", run.Output, StringComparison.Ordinal);

        var cells = notebook.ExecutedCodeCells();
        var stream = Assert.Single(cells[0]["outputs"]!.AsArray())!;
        Assert.Equal("stream", (string?)stream["output_type"]);
        Assert.Equal("hello\n", string.Concat(stream["text"]!.AsArray().Select(l => (string?)l)));

        var result = Assert.Single(cells[1]["outputs"]!.AsArray())!;
        Assert.Equal("execute_result", (string?)result["output_type"]);
        Assert.Equal(2, (int?)result["execution_count"]);
        Assert.Equal(2, (int?)cells[1]["execution_count"]);
        Assert.Contains("42", result["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_exits_1_and_names_notebook_cell_and_error()
    {
        using var notebook = TestNotebook.CreateNamed(
            "failing.ipynb",
            "var before = 1;",
            "// second cell\nthrow new InvalidOperationException(\"boom\");",
            "System.IO.File.WriteAllText(\"after.txt\", \"ran\");");

        var run = await RunnerProcess.RunAsync(notebook.Folder, "-o", notebook.OutputFolder, notebook.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(notebook.Folder, "after.txt")), "a cell after the failing one ran");
        Assert.Contains("failing.ipynb", run.Errors, StringComparison.Ordinal);
        Assert.Contains("cell 2 of 3", run.Errors, StringComparison.Ordinal);
        Assert.Contains("// second cell", run.Errors, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", run.Errors, StringComparison.Ordinal);

        // The executed copy keeps the error, and the cell that did not run has no outputs.
        var cells = notebook.ExecutedCodeCells();
        var error = Assert.Single(cells[1]["outputs"]!.AsArray())!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Equal("boom", (string?)error["evalue"]);
        Assert.NotEmpty(error["traceback"]!.AsArray());
        Assert.Empty(cells[2]["outputs"]!.AsArray());
        Assert.Null(cells[2]["execution_count"]);
    }

    [Fact]
    public async Task A_long_cell_reports_its_time_and_latest_progress_while_it_runs_into_a_log()
    {
        // The runner's output goes to a pipe here, as in CI or a redirected log: no terminal.
        using var notebook = TestNotebook.Create(
            """
            using Microsoft.DotNet.Interactive;
            var bar = KernelInvocationContextExtensions.Display(KernelInvocationContext.Current, "step 0 of 3");
            for (var step = 1; step <= 3; step++)
            {
                System.Threading.Thread.Sleep(1200);
                bar.Update($"step {step} of 3");
            }
            """,
            "1 + 1");

        var run = await RunnerProcess.RunAsync(notebook.Folder, "--heartbeat", "0.5", "-o", notebook.OutputFolder, notebook.Path);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var beats = run.Output.Split('\n').Where(l => l.Contains("... still running after", StringComparison.Ordinal)).ToList();
        Assert.True(beats.Count >= 4, $"expected a line every half second over about 3.6 s:\n{run.Output}");
        Assert.Contains(beats, l => l.EndsWith("step 2 of 3", StringComparison.Ordinal) || l.EndsWith("step 1 of 3", StringComparison.Ordinal));
        // A quick cell says nothing extra: the second cell's lines are its header and "ok".
        var second = run.Output[run.Output.IndexOf("[2/2]", StringComparison.Ordinal)..];
        Assert.DoesNotContain("still running", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_from_env_and_quick_are_visible_to_the_notebook()
    {
        using var notebook = TestNotebook.Create(
            "Console.WriteLine($\"{Environment.GetEnvironmentVariable(\"ALEXNET_PROFILE\")}|{Environment.GetEnvironmentVariable(\"RUNNER_TEST_VALUE\")}\");");

        var run = await RunnerProcess.RunAsync(notebook.Folder, "--quick", "--env", "RUNNER_TEST_VALUE=a=b", "--echo", "-o", notebook.OutputFolder, notebook.Path);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Contains("| quick|a=b", run.Output, StringComparison.Ordinal);
        var stream = notebook.ExecutedCodeCells()[0]["outputs"]![0]!;
        Assert.Equal("quick|a=b\n", string.Concat(stream["text"]!.AsArray().Select(l => (string?)l)));
    }

    [Fact]
    public async Task A_missing_notebook_exits_2_with_a_clear_message()
    {
        var folder = Path.GetTempPath();

        var run = await RunnerProcess.RunAsync(folder, "no-such-notebook.ipynb");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("notebook not found: no-such-notebook.ipynb", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_and_prints_the_usage()
    {
        var run = await RunnerProcess.RunAsync(Path.GetTempPath(), "--no-such-option", "x.ipynb");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '--no-such-option'", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_runs_its_notebooks_in_name_order_each_in_a_fresh_kernel()
    {
        using var notebooks = TestNotebook.CreateNamed("b.ipynb", "System.IO.File.AppendAllText(\"order.txt\", \"b\");\nint shared = 2;");
        notebooks.Add("a.ipynb", "System.IO.File.AppendAllText(\"order.txt\", \"a\");\nint shared = 1;");

        var run = await RunnerProcess.RunAsync(notebooks.Folder, "-o", notebooks.OutputFolder, notebooks.Folder);

        // "int shared" twice would not compile in one kernel: each notebook got its own.
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Equal("ab", File.ReadAllText(Path.Combine(notebooks.Folder, "order.txt")));
        Assert.True(File.Exists(Path.Combine(notebooks.OutputFolder, "a.ipynb")));
        Assert.True(File.Exists(Path.Combine(notebooks.OutputFolder, "b.ipynb")));
    }

    [Fact]
    public async Task Each_notebook_runs_in_a_process_of_its_own()
    {
        using var notebooks = TestNotebook.CreateNamed("a.ipynb", "System.IO.File.WriteAllText(\"a.pid\", $\"{Environment.ProcessId}\");");
        notebooks.Add("b.ipynb", "System.IO.File.WriteAllText(\"b.pid\", $\"{Environment.ProcessId}\");");

        var run = await RunnerProcess.RunAsync(notebooks.Folder, "-o", notebooks.OutputFolder, notebooks.Folder);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.NotEqual(File.ReadAllText(Path.Combine(notebooks.Folder, "a.pid")), File.ReadAllText(Path.Combine(notebooks.Folder, "b.pid")));
    }

    // The series' runs once died at random between notebooks: a SkiaSharp object left by one notebook was finalized
    // while the next ran, after the first kernel (which finds SkiaSharp's native library) was disposed.
    [Fact]
    public async Task Native_objects_that_one_notebook_leaves_behind_do_not_crash_the_next()
    {
        using var notebooks = TestNotebook.CreateNamed(
            "a.ipynb",
            "#r \"nuget: SkiaSharp, 3.119.0\"\n#r \"nuget: SkiaSharp.NativeAssets.Linux.NoDependencies, 3.119.0\"",
            "using SkiaSharp;\nfor (var i = 0; i < 100; i++)\n    new SKFontStyle(SKFontStyleWeight.Bold, SKFontStyleWidth.Normal, SKFontStyleSlant.Upright);");
        notebooks.Add("b.ipynb", "GC.Collect();\nGC.WaitForPendingFinalizers();\nConsole.WriteLine(\"collected\");");

        var run = await RunnerProcess.RunAsync(notebooks.Folder, "-o", notebooks.OutputFolder, notebooks.Folder);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Output}{run.Errors}");
        Assert.Contains("2 succeeded, 0 failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notebook_whose_process_dies_fails_the_run_by_name_and_keep_going_still_runs_the_next()
    {
        using var notebooks = TestNotebook.CreateNamed("a.ipynb", "Environment.FailFast(\"the kernel died\");");
        notebooks.Add("b.ipynb", "System.IO.File.WriteAllText(\"b.txt\", \"ran\");");

        var run = await RunnerProcess.RunAsync(notebooks.Folder, "--keep-going", "-o", notebooks.OutputFolder, notebooks.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: a.ipynb: its process ended with exit code", run.Errors, StringComparison.Ordinal);
        Assert.Contains("1 succeeded, 1 failed", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(notebooks.Folder, "b.txt")), "the next notebook did not run");
    }

    [UnixFact]
    public async Task Ctrl_C_stops_the_running_cell_keeps_what_ran_and_exits_130()
    {
        using var notebooks = TestNotebook.CreateNamed("a.ipynb", "Console.WriteLine(\"first\");", "System.Threading.Thread.Sleep(120_000);");
        notebooks.Add("b.ipynb", "System.IO.File.WriteAllText(\"b.txt\", \"ran\");");

        var run = await RunnerProcess.RunInterruptedAsync(notebooks.Folder, "[2/2]", "-o", notebooks.OutputFolder, notebooks.Folder);

        Assert.True(run.ExitCode == 130, $"exit code {run.ExitCode}\n{run.Output}{run.Errors}");
        Assert.Contains("stopped: ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("was cancelled", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", run.Errors, StringComparison.Ordinal); // Ctrl+C is not a failure
        Assert.Contains("1 cancelled", run.Output, StringComparison.Ordinal);
        Assert.Contains("CANCELLED", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("process ended", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(notebooks.Folder, "b.txt")), "the next notebook ran after Ctrl+C");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(notebooks.OutputFolder, "a.ipynb")))!["cells"]!.AsArray();
        Assert.Equal("first\n", (string?)executed[1]!["outputs"]![0]!["text"]![0]);
        Assert.Equal("Cancelled", (string?)executed[2]!["outputs"]![0]!["ename"]);
    }

    [Fact]
    public async Task A_cell_over_the_timeout_fails_the_run_naming_the_cell()
    {
        using var notebook = TestNotebook.Create(
            "var ready = true;",
            "System.Threading.Thread.Sleep(120_000);",
            "System.IO.File.WriteAllText(\"after.txt\", \"ran\");");

        var run = await RunnerProcess.RunAsync(notebook.Folder, "--cell-timeout", "3", "-o", notebook.OutputFolder, notebook.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cell 2 of 3 (`System.Threading.Thread.Sleep(120_000);`) timed out", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(notebook.Folder, "after.txt")));
        var error = notebook.ExecutedCodeCells()[1]["outputs"]![0]!;
        Assert.Equal("CellTimeout", (string?)error["ename"]);
    }

    [Fact]
    public async Task The_executed_copy_is_valid_json_with_the_input_metadata()
    {
        using var notebook = TestNotebook.Create("1 + 1");
        var input = JsonNode.Parse(File.ReadAllText(notebook.Path))!;

        var run = await RunnerProcess.RunAsync(notebook.Folder, "-o", notebook.OutputFolder, notebook.Path);

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var executed = notebook.ReadExecuted();
        Assert.True(JsonNode.DeepEquals(input["metadata"], executed["metadata"]));
        Assert.Equal(4, (int?)executed["nbformat"]);
        Assert.Equal(5, (int?)executed["nbformat_minor"]);

        // Everything but outputs and execution counts is as it was: markdown, ids, cell metadata, source.
        var inputCells = input["cells"]!.AsArray();
        var executedCells = executed["cells"]!.AsArray();
        Assert.Equal(inputCells.Count, executedCells.Count);
        Assert.True(JsonNode.DeepEquals(inputCells[0], executedCells[0]));
        foreach (var key in new[] { "id", "metadata", "source", "cell_type" })
            Assert.True(JsonNode.DeepEquals(inputCells[1]![key], executedCells[1]![key]), key);
        Assert.False(Directory.EnumerateFiles(notebook.OutputFolder, "*.tmp").Any(), "a temporary file was left behind");
    }
}
