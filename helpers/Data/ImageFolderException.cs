namespace DeepCnn.Data;

/// <summary>An image folder that cannot be used as a data set; the message names the folder and what was expected.</summary>
public sealed class ImageFolderException : Exception
{
    /// <summary>Creates the exception; the message starts with <paramref name="folder"/>.</summary>
    public ImageFolderException(string folder, string message)
        : base($"{folder}: {message}")
    {
        Folder = folder;
    }

    /// <summary>The folder (the image folder, or one of its class folders) at fault.</summary>
    public string Folder { get; }
}
