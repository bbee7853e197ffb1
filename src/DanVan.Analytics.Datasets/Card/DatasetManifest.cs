using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Ner;
using DanVan.Analytics.Datasets.Splits;

namespace DanVan.Analytics.Datasets.Card;

/// <summary>
/// <c>manifest.json</c>: what a program needs to trust and read the dataset: the schema version, the label list in
/// order, the inputs with their SHA-256, the rows of every file, the command line and the versions.
/// </summary>
public static class DatasetManifest
{
    /// <summary>The version of the dataset's layout and columns; raised when a column changes meaning or goes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The manifest of a dataset.</summary>
    public static string Write(DatasetSummary summary, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        var files = new JsonObject();
        foreach ((string file, long rows) in summary.FileRows)
        {
            files[file] = rows;
        }

        var splits = new JsonObject();
        foreach ((string name, SplitCounts counts) in summary.Splits)
        {
            splits[name] = new JsonObject { ["articles"] = counts.Articles, ["sentences"] = counts.Sentences, ["tokens"] = counts.Tokens };
        }

        var manifest = new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["ner_labels"] = new JsonArray([.. NerLabels.All.Select(l => (JsonNode)l)]),
            ["inputs"] = new JsonArray([.. options.Inputs.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["sha256"] = i.Sha256, ["kind"] = i.Kind })]),
            ["files"] = files,
            ["splits"] = splits,
            ["split"] = new JsonObject
            {
                ["ratios"] = new JsonArray(options.Split.Train, options.Split.Dev, options.Split.Test),
                ["by"] = options.Split.Grouping.ToString().ToLowerInvariant(),
                ["seed"] = options.Split.Seed,
            },
            ["shard"] = options.Shard is (int k, int n) ? new JsonObject { ["k"] = k, ["n"] = n } : null,
            ["articles"] = summary.Articles,
            ["sites"] = summary.Sites,
            ["first_published"] = summary.FirstPublished?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["last_published"] = summary.LastPublished?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["entities"] = new JsonObject([.. summary.Entities.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            ["formats"] = new JsonArray([.. Tables.TableFormatNames.Extensions(options.Formats).Select(f => (JsonNode)f)]),
            ["spans"] = options.Spans,
            ["csv_bom"] = options.CsvByteOrderMark,
            ["near_duplicates"] = new JsonObject
            {
                ["found"] = summary.Duplicates,
                ["dropped"] = summary.DuplicatesDropped,
                ["method"] = NearDuplicateIndexInfo.Description,
                ["threshold"] = options.DuplicateThreshold,
            },
            ["annotation_source"] = summary.AnnotationSource,
            ["command_line"] = options.CommandLine,
            ["tool_version"] = options.ToolVersion,
            ["extractor_version"] = summary.ExtractorVersion,
        };
        return manifest.ToJsonString(DatasetJsonFiles.Indented) + "\n";
    }

    /// <summary>Reads the file row counts and the inputs of a manifest (for merging shards).</summary>
    /// <exception cref="JsonException">The manifest is not valid.</exception>
    internal static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException($"{path} is not a JSON object.");
}

/// <summary>The near-duplicate method in words, for the manifest and the card.</summary>
internal static class NearDuplicateIndexInfo
{
    public static string Description =>
        $"one-permutation MinHash, {Dedupe.NearDuplicateIndex.HashCount} bins over word {Dedupe.NearDuplicateIndex.ShingleWords}-shingles, LSH 16 bands x 4 rows, texts of fewer than {Dedupe.NearDuplicateIndex.MinShingles} shingles not compared";
}
