namespace DeepCnn.IO;

/// <summary>
/// An exclusive lock between processes, held as an open handle on a small lock file: a holder that is killed releases
/// it with its handle. The file itself stays (deleting it on release would let two waiters lock two different files).
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream handle;

    private FileLock(FileStream handle) => this.handle = handle;

    /// <summary>Takes the lock on <paramref name="path"/>, or returns null at once when someone else holds it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            return null;
        }
    }

    /// <summary>
    /// Takes the lock on <paramref name="path"/>, waiting up to <paramref name="wait"/> while someone else holds it;
    /// <paramref name="onWait"/> runs once, when the wait begins. Returns null when the wait ran out.
    /// </summary>
    public static async Task<FileLock?> AcquireAsync(string path, TimeSpan wait, Action onWait, CancellationToken ct)
    {
        var held = TryAcquire(path);
        if (held is not null)
        {
            return held;
        }

        onWait();
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
            held = TryAcquire(path);
            if (held is not null)
            {
                return held;
            }
        }

        return null;
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => handle.Dispose();
}
