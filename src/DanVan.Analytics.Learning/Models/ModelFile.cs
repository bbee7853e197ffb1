using System.IO.Compression;
using System.Text.Json;
using DanVan.Analytics.Learning.Features;
using Microsoft.ML;

namespace DanVan.Analytics.Learning.Models;

/// <summary>A trained model with its metadata, as one file.</summary>
/// <param name="Metadata">What the model is.</param>
/// <param name="Transformer">The ML.NET model: features, learner and label mapping.</param>
/// <param name="InputSchema">The schema the model was trained on (saved with it).</param>
/// <param name="Context">The ML.NET context the model belongs to.</param>
public sealed record LoadedModel(ModelMetadata Metadata, ITransformer Transformer, DataViewSchema InputSchema, MLContext Context)
{
    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(Context, Transformer, InputSchema, Metadata, path);

    /// <summary>Writes the model to <paramref name="stream"/>.</summary>
    public void Save(Stream stream) => ModelFile.Save(Context, Transformer, InputSchema, Metadata, stream);
}

/// <summary>
/// Saves and loads model files: a zip with <c>metadata.json</c> and the ML.NET model (<c>mlnet.zip</c>). Loading checks
/// the kind and the feature version before ML.NET sees the model, so a stale model is a clear error, not a wrong answer.
/// </summary>
public static class ModelFile
{
    private const string MetadataEntry = "metadata.json";
    private const string ModelEntry = "mlnet.zip";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Writes <paramref name="model"/> and its metadata to <paramref name="stream"/>.</summary>
    public static void Save(MLContext context, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(stream);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (Stream entry = archive.CreateEntry(MetadataEntry).Open())
        {
            JsonSerializer.Serialize(entry, metadata, Json);
        }

        using var buffer = new MemoryStream();
        context.Model.Save(model, inputSchema, buffer);
        using Stream modelEntry = archive.CreateEntry(ModelEntry, CompressionLevel.NoCompression).Open();
        buffer.Position = 0;
        buffer.CopyTo(modelEntry);
    }

    /// <summary>Writes the model to a file.</summary>
    public static void Save(MLContext context, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside and moved into place, so a crash never leaves half a model under the final name.
        string temporary = path + ".tmp";
        using (FileStream file = File.Create(temporary))
        {
            Save(context, model, inputSchema, metadata, file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the metadata of a model file.</summary>
    /// <exception cref="ModelFormatException">The file is not a model file of this package.</exception>
    public static ModelMetadata ReadMetadata(Stream stream)
    {
        using ZipArchive archive = Open(stream);
        return ReadMetadata(archive);
    }

    /// <summary>Reads only the metadata of a model file on disk.</summary>
    /// <exception cref="ModelFormatException">The file is not a model file of this package.</exception>
    public static ModelMetadata ReadMetadataOf(string path)
    {
        using FileStream file = File.OpenRead(path);
        return ReadMetadata(file);
    }

    /// <summary>Loads a model of the expected kind.</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="expectedKind">One of <see cref="ModelKinds"/>.</param>
    /// <param name="seed">The seed of the ML.NET context.</param>
    /// <exception cref="ModelFormatException">The file is damaged, not a model of this package, or of another kind.</exception>
    /// <exception cref="FeatureVersionMismatchException">The model was trained on another feature version.</exception>
    public static LoadedModel Load(Stream stream, string expectedKind, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using ZipArchive archive = Open(stream);
        ModelMetadata metadata = ReadMetadata(archive);
        if (metadata.Kind != expectedKind)
        {
            throw new ModelFormatException($"This is a {metadata.Kind} model; a {expectedKind} model is needed.");
        }

        string featureVersion = expectedKind == ModelKinds.Tagger ? Tagging.TokenFeatures.Version : VietnameseFeaturizer.Version;
        if (metadata.FeatureVersion != featureVersion)
        {
            throw new FeatureVersionMismatchException(metadata.FeatureVersion, featureVersion);
        }

        ZipArchiveEntry entry = archive.GetEntry(ModelEntry) ?? throw new ModelFormatException($"The model file has no {ModelEntry}.");
        var context = CreateContext(seed);
        try
        {
            using var buffer = new MemoryStream();
            using (Stream s = entry.Open())
            {
                s.CopyTo(buffer);
            }

            buffer.Position = 0;
            ITransformer transformer = context.Model.Load(buffer, out DataViewSchema inputSchema);
            return new LoadedModel(metadata, transformer, inputSchema, context);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new ModelFormatException($"The ML.NET model inside the file cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Loads a model file from disk.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is damaged, not a model of this package, or of another kind.</exception>
    public static LoadedModel Load(string path, string expectedKind, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        return Load(file, expectedKind, seed);
    }

    /// <summary>An ML.NET context that knows the feature mapping of this package.</summary>
    internal static MLContext CreateContext(int seed)
    {
        AssemblyBinding.EnsureRegistered();
        var context = new MLContext(seed);
        context.ComponentCatalog.RegisterAssembly(typeof(VietnameseFeatureMappingFactory).Assembly);
        return context;
    }

    private static ZipArchive Open(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException("The file is not a model file (not a zip archive).", e);
        }
    }

    private static ModelMetadata ReadMetadata(ZipArchive archive)
    {
        ZipArchiveEntry entry = archive.GetEntry(MetadataEntry)
            ?? throw new ModelFormatException($"The file is not a model file of this package (no {MetadataEntry}).");
        try
        {
            using Stream s = entry.Open();
            return JsonSerializer.Deserialize<ModelMetadata>(s, Json)
                ?? throw new ModelFormatException($"{MetadataEntry} is empty.");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new ModelFormatException($"{MetadataEntry} cannot be read: {e.Message}", e);
        }
    }
}
