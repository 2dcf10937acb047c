namespace DeepCnn.NotebookExecution.Tests;

/// <summary>The public API: how kernel events become cell results and outputs.</summary>
[Collection(InProcessCollection.Name)]
public sealed class NotebookRunnerTests
{
    [Fact]
    public async Task Display_updates_replace_the_earlier_output_in_place()
    {
        using var notebook = TestNotebook.Create(
            "var d = \"v0\".Display();\nfor (var i = 1; i <= 200; i++) d.Update($\"v{i}\");");

        var result = await RunAsync(notebook);

        var output = Assert.IsType<DisplayOutput>(Assert.Single(result.Cells[0].Outputs));
        Assert.Equal("v200", output.Data["text/plain"]);
        var stored = Assert.Single(notebook.ExecutedCodeCells()[0]["outputs"]!.AsArray())!;
        Assert.Equal("display_data", (string?)stored["output_type"]);
    }

    [Fact]
    public async Task An_update_from_a_later_cell_replaces_the_output_of_the_cell_that_displayed_it()
    {
        using var notebook = TestNotebook.Create(
            "var chart = \"first\".Display();",
            "chart.Update(\"last\");");

        var result = await RunAsync(notebook);

        Assert.Equal("last", Assert.IsType<DisplayOutput>(Assert.Single(result.Cells[0].Outputs)).Data["text/plain"]);
        Assert.Empty(result.Cells[1].Outputs);
    }

    [Fact]
    public async Task Interleaved_updates_of_two_displays_each_replace_their_own_output()
    {
        using var notebook = TestNotebook.Create(
            "var text = \"t0\".Display();\nvar number = 0.Display();\nfor (var i = 1; i <= 3; i++) { number.Update(i); text.Update($\"t{i}\"); }");

        var result = await RunAsync(notebook);

        var outputs = result.Cells[0].Outputs.Cast<DisplayOutput>().ToArray();
        Assert.Equal(2, outputs.Length);
        Assert.Equal("t3", outputs[0].Data["text/plain"]);
        Assert.Contains("<pre>3</pre>", outputs[1].Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Displays_made_through_the_invocation_context_are_matched_by_their_id()
    {
        using var notebook = TestNotebook.Create(
            "using Microsoft.DotNet.Interactive;\nvar context = KernelInvocationContext.Current;\n"
            + "var a = KernelInvocationContextExtensions.Display(context, \"a0\");\nvar b = KernelInvocationContextExtensions.Display(context, \"b0\");\n"
            + "a.Update(\"a1\");\nb.Update(\"b1\");");

        var result = await RunAsync(notebook);

        var texts = result.Cells[0].Outputs.Cast<DisplayOutput>().Select(o => o.Data["text/plain"]);
        Assert.Equal(["a1", "b1"], texts);
    }

    [Fact]
    public async Task Console_output_becomes_one_stdout_stream_and_one_stderr_stream()
    {
        using var notebook = TestNotebook.Create(
            "Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"c\");");
        var streamed = new List<CellTextWritten>();

        var result = await RunAsync(notebook, new Recorder(e => { if (e is CellTextWritten t) streamed.Add(t); }));

        var outputs = result.Cells[0].Outputs.Cast<StreamOutput>().ToArray();
        Assert.Equal(new StreamOutput("stdout", "ab\n"), outputs[0]);
        Assert.Equal(new StreamOutput("stderr", "oops\n"), outputs[1]);
        Assert.Equal(new StreamOutput("stdout", "c\n"), outputs[2]);
        Assert.Contains(streamed, t => t.StreamName == "stderr" && t.Text == "oops\n");
    }

    [Fact]
    public async Task The_current_directory_is_the_notebook_folder_during_the_run_and_restored_after()
    {
        using var notebook = TestNotebook.Create(
            "System.IO.File.ReadAllText(\"data/input.txt\")",
            "System.IO.Directory.GetCurrentDirectory()");
        Directory.CreateDirectory(Path.Combine(notebook.Folder, "data"));
        await File.WriteAllTextAsync(Path.Combine(notebook.Folder, "data", "input.txt"), "relative read");
        var before = Environment.CurrentDirectory;

        var result = await RunAsync(notebook);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal("relative read", ((DisplayOutput)result.Cells[0].Outputs[0]).Data["text/plain"]);
        Assert.Equal(notebook.Folder, ((DisplayOutput)result.Cells[1].Outputs[0]).Data["text/plain"]);
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Environment_variables_are_set_for_the_run_and_restored_after()
    {
        using var notebook = TestNotebook.Create("Environment.GetEnvironmentVariable(\"RUNNER_API_TEST\")");
        var options = new NotebookRunOptions
        {
            OutputDirectory = notebook.OutputFolder,
            EnvironmentVariables = new Dictionary<string, string> { ["RUNNER_API_TEST"] = "set" },
        };

        var result = await NotebookRunner.RunAsync(notebook.Path, options);

        Assert.Equal("set", ((DisplayOutput)result.Cells[0].Outputs[0]).Data["text/plain"]);
        Assert.Null(Environment.GetEnvironmentVariable("RUNNER_API_TEST"));
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_with_the_compiler_message()
    {
        using var notebook = TestNotebook.Create("int x = \"text\";", "var never = 1;");

        var result = await RunAsync(notebook);

        Assert.False(result.Succeeded);
        var failed = Assert.IsType<CellResult>(result.FailedCell);
        Assert.Equal(1, failed.Number);
        Assert.Equal(CellStatus.Failed, failed.Status);
        Assert.Equal("CompilationError", failed.Error!.Name);
        Assert.Contains("CS0029", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(CellStatus.NotRun, result.Cells[1].Status);
    }

    [Fact]
    public async Task Empty_cells_are_skipped_and_do_not_fail_the_run()
    {
        using var notebook = TestNotebook.Create("var a = 1;", "  \n", "a + 1");

        var result = await RunAsync(notebook);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal([CellStatus.Succeeded, CellStatus.Skipped, CellStatus.Succeeded], result.Cells.Select(c => c.Status));
        Assert.Null(notebook.ExecutedCodeCells()[1]["execution_count"]);
        Assert.Equal(2, (int?)notebook.ExecutedCodeCells()[2]["execution_count"]);
    }

    [Fact]
    public async Task A_missing_notebook_throws_FileNotFoundException()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => NotebookRunner.RunAsync(Path.Combine(Path.GetTempPath(), "missing-notebook.ipynb")));
    }

    // The one test that restores a NuGet package: a small one, to prove that "#r nuget:" works in the kernel.
    [Fact]
    public async Task The_nuget_directive_references_a_package()
    {
        using var notebook = TestNotebook.Create(
            "#r \"nuget: Humanizer.Core, 2.14.1\"",
            "using Humanizer;\n\"NotebookRunnerTest\".Humanize()");

        var result = await RunAsync(notebook);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal("Notebook runner test", ((DisplayOutput)result.Cells[1].Outputs[^1]).Data["text/plain"]);
    }

    private static Task<NotebookRunResult> RunAsync(TestNotebook notebook, IProgress<NotebookRunEvent>? progress = null) =>
        NotebookRunner.RunAsync(notebook.Path, new NotebookRunOptions { OutputDirectory = notebook.OutputFolder, Progress = progress });

    private static string Describe(NotebookRunResult result) =>
        string.Join("\n", result.Cells.Select(c => $"{c.Number} {c.Status} {c.Error?.Name}: {c.Error?.Message}"));

    private sealed class Recorder(Action<NotebookRunEvent> onEvent) : IProgress<NotebookRunEvent>
    {
        public void Report(NotebookRunEvent value) => onEvent(value);
    }
}
