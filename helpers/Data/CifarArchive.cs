using System.Formats.Tar;
using System.IO.Compression;
using DeepCnn.IO;

namespace DeepCnn.Data;

/// <summary>Packs CIFAR-10 batch files into a .tar.gz laid out like the official cifar-10-binary.tar.gz.</summary>
public static class CifarArchive
{
    /// <summary>
    /// Writes every file of <c>cifar-10-batches-bin/</c> (under <paramref name="folder"/>, or <paramref name="folder"/> itself)
    /// into <paramref name="archivePath"/> as <c>cifar-10-batches-bin/&lt;name&gt;</c>; the archive appears whole or not at all.
    /// Returns <paramref name="archivePath"/>.
    /// </summary>
    public static string Write(string folder, string archivePath)
    {
        var batches = Path.Combine(folder, CifarLayout.FolderName);
        if (!Directory.Exists(batches))
        {
            batches = Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException($"No folder '{folder}' to pack; expected one holding {CifarLayout.FolderName}/ (or that folder itself).");
        }

        // Sorted names make the member order (and so the archive) the same on every machine.
        var files = Directory.GetFiles(batches).Order(StringComparer.Ordinal).ToList();
        AtomicFile.Write(archivePath, stream =>
        {
            using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            using var tar = new TarWriter(gzip, leaveOpen: true);
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, CifarLayout.FolderName + "/"));
            foreach (var file in files)
            {
                tar.WriteEntry(file, $"{CifarLayout.FolderName}/{Path.GetFileName(file)}");
            }
        });
        return archivePath;
    }
}
