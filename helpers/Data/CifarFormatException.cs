namespace DeepCnn.Data;

/// <summary>A file that is not valid CIFAR-10 binary data; the message names the file, the record and what was expected.</summary>
public sealed class CifarFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CifarFormatException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
    }

    /// <summary>The file (or archive member) at fault.</summary>
    public string File { get; }
}
