using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace DeepCnn.NotebookExecution;

/// <summary>
/// Turns the kernel's events into cell outputs the way Jupyter and VS Code show them: consecutive
/// writes to one stream form one output, and an updated display replaces its earlier output in place
/// (even in an earlier cell), so a chart updated 200 times leaves one output.
/// </summary>
/// <remarks>
/// In .NET Interactive 1.0.0-beta.26120.1, <c>x.Display()</c> shows one DisplayedValue and returns
/// another, so its updates carry a display id that no output has. Such an update replaces the most
/// recent display that has not been updated yet and has the same MIME types and value type; when
/// none fits, it becomes a new output rather than being lost. Displays made with
/// <c>KernelInvocationContext.Current.Display(...)</c> keep one id and are matched exactly.
/// </remarks>
internal sealed class OutputRecorder : IObserver<KernelEvent>
{
    private readonly object _gate = new();
    private readonly List<Slot>[] _cells;
    private readonly Dictionary<string, Slot> _displaysById = new(StringComparer.Ordinal);
    private readonly List<Slot> _neverUpdated = [];
    private readonly Action<int, string, string>? _onText;
    private readonly Action<int, string>? _onDisplay;
    private int _current = -1;

    /// <param name="codeCellCount">Number of code cells.</param>
    /// <param name="onText">Called with (cell number, stream name, text) as a cell writes to stdout or stderr.</param>
    /// <param name="onDisplay">Called with (cell number, text without markup) as a cell shows or updates a display.</param>
    public OutputRecorder(int codeCellCount, Action<int, string, string>? onText, Action<int, string>? onDisplay = null)
    {
        _cells = Enumerable.Range(0, codeCellCount).Select(_ => new List<Slot>()).ToArray();
        _onText = onText;
        _onDisplay = onDisplay;
    }

    /// <summary>Attributes the events that follow to the cell with this 1-based number.</summary>
    public void BeginCell(int number)
    {
        lock (_gate)
            _current = number - 1;
    }

    public void AddError(int number, CellError error)
    {
        lock (_gate)
            _cells[number - 1].Add(new Slot(new ErrorOutput(error), null, null));
    }

    public IReadOnlyList<CellOutput> OutputsOf(int number)
    {
        lock (_gate)
            return _cells[number - 1].Select(s => s.Output).ToArray();
    }

    public void OnNext(KernelEvent value)
    {
        string? text = null;
        string? stream = null;
        string? displayed = null;
        int number;
        lock (_gate)
        {
            if (_current < 0)
                return;
            number = _current + 1;

            switch (value)
            {
                case StandardOutputValueProduced stdout:
                    (stream, text) = ("stdout", PlainText(stdout));
                    AppendStream(stream, text);
                    break;
                case StandardErrorValueProduced stderr:
                    (stream, text) = ("stderr", PlainText(stderr));
                    AppendStream(stream, text);
                    break;
                case ErrorProduced error:
                    // Errors reported on the side (a failed package restore, an extension that did not load);
                    // the cell's own failure becomes the error output.
                    (stream, text) = ("stderr", EndWithNewLine(error.Message));
                    AppendStream(stream, text);
                    break;
                case DisplayedValueProduced produced:
                    AddDisplay(produced);
                    displayed = DisplayText.Of(MimeBundle(produced));
                    break;
                case DisplayedValueUpdated updated:
                    UpdateDisplay(updated);
                    displayed = DisplayText.Of(MimeBundle(updated));
                    break;
                case ReturnValueProduced result when result.Value is not DisplayedValue:
                    // A cell ending in x.Display() returns the DisplayedValue handle; Jupyter shows nothing for it.
                    if (MimeBundle(result) is { } data)
                        _cells[_current].Add(new Slot(new DisplayOutput(data, IsExecuteResult: true), null, null));
                    break;
            }
        }

        if (text is not null)
            _onText?.Invoke(number, stream!, text);
        if (!string.IsNullOrEmpty(displayed))
            _onDisplay?.Invoke(number, displayed);
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    private void AppendStream(string name, string text)
    {
        var outputs = _cells[_current];
        if (outputs.Count > 0 && outputs[^1].Output is StreamOutput last && last.Name == name)
            outputs[^1].Output = last with { Text = last.Text + text };
        else
            outputs.Add(new Slot(new StreamOutput(name, text), null, null));
    }

    private void AddDisplay(DisplayEvent produced)
    {
        if (MimeBundle(produced) is not { } data)
            return;

        var slot = new Slot(new DisplayOutput(data, IsExecuteResult: false), produced.Value?.GetType(), MimeKey(data));
        _cells[_current].Add(slot);
        _neverUpdated.Add(slot);
        if (!string.IsNullOrEmpty(produced.ValueId))
            _displaysById[produced.ValueId] = slot;
    }

    private void UpdateDisplay(DisplayedValueUpdated updated)
    {
        if (MimeBundle(updated) is not { } data)
            return;

        var id = updated.ValueId;
        if (string.IsNullOrEmpty(id) || !_displaysById.TryGetValue(id, out var slot))
        {
            var type = updated.Value?.GetType();
            var mimeKey = MimeKey(data);
            slot = _neverUpdated.LastOrDefault(s => s.ValueType == type && s.MimeKey == mimeKey);
            if (slot is null)
            {
                AddDisplay(updated);
                return;
            }

            if (!string.IsNullOrEmpty(id))
                _displaysById[id] = slot;
        }

        _neverUpdated.Remove(slot);
        slot.Output = new DisplayOutput(data, IsExecuteResult: false);
    }

    private static Dictionary<string, string>? MimeBundle(DisplayEvent e)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in e.FormattedValues ?? [])
        {
            if (!value.SuppressDisplay && value.Value is not null)
                data[value.MimeType] = value.Value;
        }

        return data.Count == 0 ? null : data;
    }

    private static string MimeKey(Dictionary<string, string> data) =>
        string.Join(";", data.Keys.Order(StringComparer.Ordinal));

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues?.FirstOrDefault(v => v.MimeType == "text/plain")?.Value
        ?? e.FormattedValues?.FirstOrDefault()?.Value
        ?? "";

    private static string EndWithNewLine(string text) => text.EndsWith('\n') ? text : text + "\n";

    /// <summary>A place in a cell's output list whose content an update can replace.</summary>
    private sealed class Slot(CellOutput output, Type? valueType, string? mimeKey)
    {
        public CellOutput Output { get; set; } = output;

        public Type? ValueType { get; } = valueType;

        public string? MimeKey { get; } = mimeKey;
    }
}
