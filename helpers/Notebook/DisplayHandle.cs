using Microsoft.DotNet.Interactive.Formatting;

namespace DeepCnn.Notebook;

/// <summary>A shown value that can be replaced in place (a progress bar, a live chart).</summary>
public sealed class DisplayHandle
{
    private readonly DisplayedValue? shown;

    internal DisplayHandle(DisplayedValue? shown) => this.shown = shown;

    /// <summary>Replaces the shown value; outside a notebook, prints it.</summary>
    public void Update(object value)
    {
        if (shown is null)
        {
            Console.WriteLine(value);
            return;
        }

        shown.Update(value);
    }
}
