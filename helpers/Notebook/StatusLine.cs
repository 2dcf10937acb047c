namespace DeepCnn.Notebook;

/// <summary>One line of status text that replaces itself in place: progress for work that reports in words.</summary>
public sealed class StatusLine : IProgress<string>
{
    private readonly DisplayHandle handle;
    private readonly string title;

    /// <summary>Shows the line with a title.</summary>
    public StatusLine(string title)
    {
        this.title = title;
        handle = Display.Show(Html.Status(title, "starting..."));
    }

    /// <inheritdoc />
    public void Report(string value) => handle.Update(Html.Status(title, value));
}
