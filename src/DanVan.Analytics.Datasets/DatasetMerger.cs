using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Card;
using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Datasets.Tables;
using Parquet;
using Parquet.Serialization;

namespace DanVan.Analytics.Datasets;

/// <summary>
/// Merges the datasets of shards (<see cref="DatasetOptions.Shard"/>) into one: JSONL, CoNLL and CSV files are
/// concatenated (one CSV header), Parquet files are copied a row group at a time, and the card and manifest are made from
/// the shards' manifests. Streaming, like the writer.
/// </summary>
/// <remarks>
/// Splits agree between shards because a group's split depends only on its key and the seed. Near duplicates are found
/// within a shard only: two copies that fell into different shards both stay (shard by site to keep copies of one site
/// together, or run one unsharded pass when duplicates matter).
/// </remarks>
public static class DatasetMerger
{
    /// <summary>Merges <paramref name="shardDirectories"/> into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="DatasetOutputException">The output folder is not empty and <paramref name="force"/> is false.</exception>
    /// <exception cref="InvalidDataException">The shards do not have the same files or schema.</exception>
    public static async Task<DatasetSummary> MergeAsync(IReadOnlyList<string> shardDirectories, string outputDirectory, bool force,
        string? commandLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shardDirectories);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (shardDirectories.Count == 0)
        {
            throw new InvalidDataException("No shard to merge.");
        }

        JsonObject[] manifests = [.. shardDirectories.Select(d => DatasetManifest.Read(Path.Combine(d, "manifest.json")))];
        string[] files = [.. manifests[0]["files"]!.AsObject().Select(f => f.Key)];
        foreach (JsonObject m in manifests)
        {
            if ((int?)m["schema_version"] != DatasetManifest.SchemaVersion || !m["files"]!.AsObject().Select(f => f.Key).SequenceEqual(files))
            {
                throw new InvalidDataException("The shards were not made with the same schema and formats.");
            }
        }

        DatasetOptions options = OptionsOf(manifests, commandLine);
        new DatasetWriter(options with { Force = force }).CheckOutputDirectory(outputDirectory);
        using var staging = new StagingDirectory(outputDirectory);
        foreach (string file in files)
        {
            await using FileStream output = staging.Create(file);
            if (file.EndsWith(".parquet", StringComparison.Ordinal))
            {
                await MergeParquetAsync(file, shardDirectories, output, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                for (int i = 0; i < shardDirectories.Count; i++)
                {
                    await using FileStream input = File.OpenRead(Path.Combine(shardDirectories[i], file));
                    if (file.EndsWith(".csv", StringComparison.Ordinal) && i > 0)
                    {
                        SkipFirstLine(input);
                    }

                    await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        DatasetSummary summary = SummaryOf(manifests, files);
        await File.WriteAllTextAsync(Path.Combine(staging.Root, "README.md"), DatasetCard.Write(summary, options), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(staging.Root, "manifest.json"), DatasetManifest.Write(summary, options), cancellationToken).ConfigureAwait(false);
        staging.Track("README.md");
        staging.Track("manifest.json");
        staging.Commit();
        return summary;
    }

    private static async Task MergeParquetAsync(string file, IReadOnlyList<string> shards, Stream output, CancellationToken cancellationToken)
    {
        string table = file[..^".parquet".Length];
        Func<Stream, int, bool, Task> copy = table switch
        {
            "articles" => CopyRowGroupAsync<ArticleRow>,
            "documents" => CopyRowGroupAsync<DocumentRow>,
            "model_counts" => CopyRowGroupAsync<ModelCountRow>,
            "officials" => CopyRowGroupAsync<OfficialRow>,
            _ when table.StartsWith("ner/", StringComparison.Ordinal) => CopyRowGroupAsync<NerSentenceRow>,
            _ => throw new InvalidDataException($"Unknown table {table}."),
        };

        bool started = false;
        foreach (string shard in shards)
        {
            await using FileStream input = File.OpenRead(Path.Combine(shard, file));
            int groups;
            await using (ParquetReader reader = await ParquetReader.CreateAsync(input, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                groups = reader.RowGroupCount;
            }

            for (int g = 0; g < groups; g++)
            {
                input.Seek(0, SeekOrigin.Begin);
                await copy(input, g, started).ConfigureAwait(false);
                started = true;
            }
        }

        if (!started)
        {
            await CopyEmptyAsync(table, output, cancellationToken).ConfigureAwait(false);
        }

        async Task CopyRowGroupAsync<T>(Stream input, int group, bool append)
            where T : class, new()
        {
            IList<T> rows = (await ParquetSerializer.DeserializeAsync<T>(input, null, group, cancellationToken).ConfigureAwait(false)).Data;
            output.Seek(0, SeekOrigin.Begin);
            await ParquetSerializer.SerializeAsync(rows, output, new ParquetOptions { Append = append, CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<Parquet.Schema.ParquetSchema> CopyEmptyAsync(string table, Stream output, CancellationToken cancellationToken) => table switch
    {
        "articles" => ParquetSerializer.SerializeAsync(Array.Empty<ArticleRow>(), output, cancellationToken: cancellationToken),
        "documents" => ParquetSerializer.SerializeAsync(Array.Empty<DocumentRow>(), output, cancellationToken: cancellationToken),
        "model_counts" => ParquetSerializer.SerializeAsync(Array.Empty<ModelCountRow>(), output, cancellationToken: cancellationToken),
        "officials" => ParquetSerializer.SerializeAsync(Array.Empty<OfficialRow>(), output, cancellationToken: cancellationToken),
        _ => ParquetSerializer.SerializeAsync(Array.Empty<NerSentenceRow>(), output, cancellationToken: cancellationToken),
    };

    private static void SkipFirstLine(Stream input)
    {
        int b;
        while ((b = input.ReadByte()) >= 0 && b != '\n')
        {
        }
    }

    private static DatasetOptions OptionsOf(JsonObject[] manifests, string? commandLine)
    {
        JsonObject first = manifests[0];
        JsonObject split = first["split"]!.AsObject();
        JsonArray ratios = split["ratios"]!.AsArray();
        TableFormats formats = TableFormatNames.Parse(string.Join(',', first["formats"]!.AsArray().Select(f => (string)f!)));
        return new DatasetOptions
        {
            Formats = formats,
            Split = new SplitPlan((int)ratios[0]!, (int)ratios[1]!, (int)ratios[2]!, SplitPlan.ParseGrouping((string)split["by"]!), (long)split["seed"]!),
            Dedupe = manifests.Any(m => (long)m["near_duplicates"]!["dropped"]! > 0),
            DuplicateThreshold = (double)first["near_duplicates"]!["threshold"]!,
            Spans = (bool)first["spans"]!,
            CsvByteOrderMark = (bool)first["csv_bom"]!,
            Inputs = [.. manifests.SelectMany(m => m["inputs"]!.AsArray()).Select(i => new DatasetInput((string)i!["path"]!, (string)i["sha256"]!, (string)i["kind"]!)).DistinctBy(i => i.Sha256 + i.Path)],
            CommandLine = commandLine,
            ToolVersion = (string?)first["tool_version"],
        };
    }

    private static DatasetSummary SummaryOf(JsonObject[] manifests, string[] files)
    {
        long Sum(Func<JsonObject, JsonNode?> pick) => manifests.Sum(m => pick(m) is JsonNode n ? (long)n : 0);
        DateTimeOffset? Date(string name, bool min)
        {
            var dates = manifests.Select(m => (string?)m[name]).OfType<string>()
                .Select(d => DateTimeOffset.Parse(d, CultureInfo.InvariantCulture)).ToList();
            return dates.Count == 0 ? null : min ? dates.Min() : dates.Max();
        }

        return new DatasetSummary
        {
            Articles = Sum(m => m["articles"]),
            ArticlesRead = Sum(m => m["articles"]),
            Duplicates = Sum(m => m["near_duplicates"]!["found"]),
            DuplicatesDropped = Sum(m => m["near_duplicates"]!["dropped"]),
            Splits = SplitPlan.Names.ToDictionary(s => s, s => new SplitCounts(
                Sum(m => m["splits"]![s]!["articles"]), Sum(m => m["splits"]![s]!["sentences"]), Sum(m => m["splits"]![s]!["tokens"]))),
            FileRows = new SortedDictionary<string, long>(files.ToDictionary(f => f, f => Sum(m => m["files"]![f])), StringComparer.Ordinal),
            Entities = manifests[0]["entities"]!.AsObject().ToDictionary(e => e.Key, e => Sum(m => m["entities"]![e.Key])),
            FirstPublished = Date("first_published", min: true),
            LastPublished = Date("last_published", min: false),
            Sites = manifests.Max(m => (long)m["sites"]!),
            ExtractorVersion = (string?)manifests[0]["extractor_version"] ?? "",
            AnnotationSource = (string?)manifests[0]["annotation_source"] ?? "extractor",
        };
    }
}
