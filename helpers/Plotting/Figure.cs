using DeepCnn.IO;

namespace DeepCnn.Plotting;

/// <summary>A rendered figure: PNG bytes plus its title. Notebooks display it inline; scripts can save it.</summary>
public sealed record Figure(byte[] Png, int Width, int Height, string Title)
{
    /// <summary>The PNG as a data URI, for an HTML &lt;img&gt;.</summary>
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png);

    /// <summary>Writes the PNG to <paramref name="path"/> (atomically).</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, Png);

    /// <inheritdoc />
    public override string ToString() => $"{Title} ({Width}x{Height} PNG)";
}
