using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DeepCnn.IO;
using DeepCnn.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepCnn.Training;

/// <summary>
/// A checkpoint is one zip file: <c>checkpoint.json</c> (the run's description: network settings and shape, optimiser,
/// options, code, data and scaling; the epoch, the history up to it, hashes),
/// <c>weights.bin</c> (the model's parameters, TorchSharp's format) and, when an optimiser is given, <c>optimizer.bin</c>
/// (its momentum and other state). It saves and loads what it is given. It is written to a temporary file and moved into
/// place, so an existing checkpoint is never replaced by a half-written one, and never by weights that are not finite.
/// </summary>
public static class Checkpoint
{
    /// <summary>The layout version this library writes and reads.</summary>
    public const int FormatVersion = 3;

    private const string MetadataEntry = "checkpoint.json";
    private const string WeightsEntry = "weights.bin";
    private const string OptimizerEntry = "optimizer.bin";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Saves <paramref name="model"/> (and <paramref name="optimizer"/>'s state, when given) with <paramref name="contents"/>
    /// to <paramref name="path"/>. Refuses, leaving the file at <paramref name="path"/> as it was, when any weight or state
    /// is NaN or infinite.
    /// </summary>
    /// <exception cref="NonFiniteStateException">A weight or optimiser state is not finite.</exception>
    public static void Save(string path, nn.Module model, optim.Optimizer? optimizer, CheckpointContents contents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contents);
        if (FiniteState.FirstNonFinite(model, optimizer) is { } broken)
        {
            throw new NonFiniteStateException(
                $"Not saving to '{Path.GetFullPath(path)}': the {broken} holds NaN or infinite values; the file there is left as it was.");
        }

        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            var hashes = new Dictionary<string, string>
            {
                [WeightsEntry] = WriteEntry(zip, WeightsEntry, writer => model.save(writer)),
            };
            if (optimizer is OptimizerHelper helper)
            {
                hashes[OptimizerEntry] = WriteEntry(zip, OptimizerEntry, helper.save_state_dict);
            }

            using var metadata = zip.CreateEntry(MetadataEntry).Open();
            JsonSerializer.Serialize(metadata, contents with { FormatVersion = FormatVersion, Hashes = hashes }, Json);
        });
    }

    /// <summary>Reads what a checkpoint says about itself, without loading the weights.</summary>
    public static CheckpointContents ReadContents(string path)
    {
        using var zip = OpenArchive(path);
        return ReadMetadata(path, zip);
    }

    /// <summary>
    /// Loads the saved weights into <paramref name="model"/>, which must have the saved network's tensors and shapes, and
    /// the optimiser state into <paramref name="optimizer"/> when both are given; returns the contents.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged, or the network does not fit: the message names the first layer that differs.</exception>
    public static CheckpointContents Load(string path, nn.Module model, optim.Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var zip = OpenArchive(path);
        var contents = ReadMetadata(path, zip);
        if (contents.Run.Network.FirstDifference(NetworkDescription.Of(model)) is { } difference)
        {
            throw new InvalidDataException(
                $"{path}: the saved weights do not fit this network. {difference}. The checkpoint was trained with " +
                $"{contents.Run.Network.Type} {contents.Run.Network.Widths()}; build the network the way it was trained (notebook 04's code as it was then), or train again.");
        }

        ReadEntry(path, zip, contents, WeightsEntry, reader => model.load(reader), "do not fit the network given");
        if (optimizer is OptimizerHelper helper && zip.GetEntry(OptimizerEntry) is not null)
        {
            ReadEntry(path, zip, contents, OptimizerEntry, helper.load_state_dict, "do not fit the optimiser given (another kind, or other parameters)");
        }

        return contents;
    }

    /// <summary>One line describing the checkpoint at <paramref name="path"/>: where, how big, when, which run and epoch, and what it learned.</summary>
    public static string Describe(string path)
    {
        var contents = ReadContents(path);
        var accuracy = contents.Result is { } result ? string.Create(CultureInfo.InvariantCulture, $", test acc {result.TestAccuracy:P1}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"checkpoint {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1e6:F0} MB), saved at {contents.SavedAt:O}: run {contents.Run.Name}, " +
            $"epoch {contents.Epoch} of a {contents.Run.Config.Variant} AlexNet on {contents.Run.Data.Name}{accuracy}");
    }

    private static string WriteEntry(ZipArchive zip, string name, Action<BinaryWriter> write)
    {
        using var sha = SHA256.Create();
        using (var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open())
        using (var hashing = new CryptoStream(entry, sha, CryptoStreamMode.Write, leaveOpen: true))
        using (var writer = new BinaryWriter(hashing))
        {
            write(writer);
            writer.Flush();
            hashing.FlushFinalBlock();
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }

    private static void ReadEntry(string path, ZipArchive zip, CheckpointContents contents, string name, Action<BinaryReader> read, string misfit)
    {
        // Check the bytes first, so a damaged file is called damaged rather than a network that does not fit.
        var expected = contents.Hashes?.GetValueOrDefault(name)
            ?? throw new InvalidDataException($"{path}: {MetadataEntry} has no hash for {name}; the checkpoint is incomplete.");
        using var buffer = new MemoryStream();
        try
        {
            using var entry = Entry(path, zip, name).Open();
            entry.CopyTo(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {name} is damaged and cannot be decompressed ({e.Message}). Train again or use another copy.", e);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"{path}: {name} is damaged: its SHA-256 is {actual}, the checkpoint recorded {expected}. Train again or use another copy.");
        }

        buffer.Position = 0;
        try
        {
            using var reader = new BinaryReader(buffer);
            read(reader);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: the saved {(name == WeightsEntry ? "weights" : "optimiser state")} {misfit}: {e.Message}", e);
        }
    }

    private static ZipArchive OpenArchive(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No checkpoint at '{Path.GetFullPath(path)}'. Run notebook 05 (training) first; it saves one in its run's folder.", path);
        }

        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a checkpoint (expected a zip with {MetadataEntry} and {WeightsEntry}): {e.Message}", e);
        }
    }

    private static ZipArchiveEntry Entry(string path, ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{path}: the checkpoint has no {name}; expected {MetadataEntry} and {WeightsEntry}.");

    private static CheckpointContents ReadMetadata(string path, ZipArchive zip)
    {
        var entry = Entry(path, zip, MetadataEntry);
        JsonNode? json;
        try
        {
            using var stream = entry.Open();
            json = JsonNode.Parse(stream);
        }
        catch (InvalidDataException e)
        {
            // A damaged entry (e.g. bytes overwritten inside the zip) fails to decompress.
            throw new InvalidDataException($"{path}: {MetadataEntry} is damaged and cannot be decompressed ({e.Message}). Train again or use another copy.", e);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {MetadataEntry} is damaged: not valid JSON ({e.Message}). Train again or use another copy.", e);
        }

        var version = (int?)json?["FormatVersion"];
        if (version != FormatVersion)
        {
            throw new InvalidDataException(
                $"{path}: checkpoint format {version?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}; this library reads format {FormatVersion}. Train again to write a new one.");
        }

        try
        {
            return json.Deserialize<CheckpointContents>(Json) ?? throw new InvalidDataException($"{path}: {MetadataEntry} is empty.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: {MetadataEntry} is damaged: {e.Message}. Train again or use another copy.", e);
        }
    }
}
