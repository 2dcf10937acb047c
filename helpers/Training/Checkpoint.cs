using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeepCnn.Compute;
using DeepCnn.IO;
using DeepCnn.Models;
using TorchSharp;

namespace DeepCnn.Training;

/// <summary>
/// A checkpoint is one zip file: <c>checkpoint.json</c> (options, history, normalisation, classes, data origin) and
/// <c>weights.bin</c> (TorchSharp's format). It is written to a temporary file and moved into place, so an existing
/// checkpoint is never replaced by a half-written one.
/// </summary>
public static class Checkpoint
{
    private const int FormatVersion = 1;
    private const string MetadataEntry = "checkpoint.json";
    private const string WeightsEntry = "weights.bin";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Saves the trainer's model and state to <paramref name="path"/>.</summary>
    public static void Save(string path, Trainer trainer)
    {
        var contents = new CheckpointContents(FormatVersion, trainer.Options, trainer.History, trainer.Stats,
            trainer.Data.ClassNames, trainer.Data.Origin, trainer.Data.Train.Count, trainer.Data.Test.Count, DateTimeOffset.Now);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var metadata = zip.CreateEntry(MetadataEntry).Open())
            {
                JsonSerializer.Serialize(metadata, contents, Json);
            }

            using var weights = new BinaryWriter(zip.CreateEntry(WeightsEntry, CompressionLevel.Fastest).Open());
            trainer.Model.save(weights);
        });
    }

    /// <summary>Reads what a checkpoint says about itself, without loading the weights.</summary>
    public static CheckpointContents ReadContents(string path)
    {
        using var zip = OpenArchive(path);
        return ReadMetadata(path, zip);
    }

    /// <summary>One line describing the checkpoint at <paramref name="path"/>: where, how big, when, and what it learned.</summary>
    public static string Describe(string path)
    {
        var contents = ReadContents(path);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var accuracy = contents.History.Last is { } last ? string.Create(culture, $", test acc {last.TestAccuracy:P1}") : "";
        return string.Create(culture,
            $"checkpoint {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1e6:F0} MB), saved at {contents.SavedAt:O}: " +
            $"{contents.Options.Variant} AlexNet, {contents.History.Epochs.Count} epoch(s) on {contents.Origin.Name}{accuracy}");
    }

    /// <summary>Restores the model saved at <paramref name="path"/> onto <paramref name="device"/> ("auto", "cpu", "cuda").</summary>
    public static TrainedModel Load(string path, string device = "auto")
    {
        using var zip = OpenArchive(path);
        var contents = ReadMetadata(path, zip);
        var model = new AlexNet(contents.Options.Variant, contents.ClassNames.Count, contents.Options.Dropout);
        try
        {
            using (var weights = new BinaryReader(Entry(path, zip, WeightsEntry).Open()))
            {
                model.load(weights);
            }

            var target = Devices.Resolve(device);
            model.to(target);
            model.eval();
            return new TrainedModel(model, contents, target, Path.GetFullPath(path));
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            model.Dispose();
            throw new InvalidDataException($"{path}: the weights do not fit a {contents.Options.Variant} AlexNet ({e.Message}).", e);
        }
    }

    private static ZipArchive OpenArchive(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No checkpoint at '{Path.GetFullPath(path)}'. Run notebook 05 (training) first; it saves one there.", path);
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
        try
        {
            using var stream = Entry(path, zip, MetadataEntry).Open();
            var contents = JsonSerializer.Deserialize<CheckpointContents>(stream, Json)
                ?? throw new InvalidDataException($"{path}: {MetadataEntry} is empty.");
            return contents.FormatVersion == FormatVersion
                ? contents
                : throw new InvalidDataException($"{path}: checkpoint format {contents.FormatVersion}; this library reads format {FormatVersion}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {MetadataEntry} is not valid ({e.Message}).", e);
        }
    }
}
