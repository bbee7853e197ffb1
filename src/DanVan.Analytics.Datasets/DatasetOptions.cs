using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Datasets;

/// <summary>Options of <see cref="DatasetWriter"/>.</summary>
public sealed record DatasetOptions
{
    /// <summary>The formats of the fact tables (and of <c>ner/*.parquet</c> when Parquet is among them); all three by default.</summary>
    public TableFormats Formats { get; init; } = TableFormats.All;

    /// <summary>The splits; 80/10/10 by site, seed 42, by default.</summary>
    public SplitPlan Split { get; init; } = SplitPlan.Default;

    /// <summary>Drop near duplicates instead of keeping them in their original's split.</summary>
    public bool Dedupe { get; init; }

    /// <summary>The least estimated Jaccard similarity of a near duplicate.</summary>
    public double DuplicateThreshold { get; init; } = 0.7;

    /// <summary>Also write <c>ner/spans.jsonl</c> (<c>{"text", "spans": [{"start","end","label"}]}</c>) for annotation tools.</summary>
    public bool Spans { get; init; }

    /// <summary>Start CSV files with a UTF-8 byte-order mark (Excel needs it to read UTF-8).</summary>
    public bool CsvByteOrderMark { get; init; }

    /// <summary>Rows per Parquet row group (memory holds at most one per table).</summary>
    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>Process only shard <c>K</c> (1-based) of <c>N</c>: the articles whose id hashes to it.</summary>
    public (int K, int N)? Shard { get; init; }

    /// <summary>How many articles are extracted in parallel; the processor count by default.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The extractor; <see cref="ArticleExtractor.Default"/> unless set.</summary>
    public ArticleExtractor? Extractor { get; init; }

    /// <summary>The input files, for the manifest and the card.</summary>
    public IReadOnlyList<DatasetInput> Inputs { get; init; } = [];

    /// <summary>The command line that made the dataset, for the manifest and the card.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The version of the tool that made the dataset.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Write into a non-empty output folder (files of the same names are replaced).</summary>
    public bool Force { get; init; }
}

/// <summary>An input of the dataset, as listed in the manifest.</summary>
/// <param name="Path">The file's path as given.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Kind">articles, gold, warc or index.</param>
public sealed record DatasetInput(string Path, string Sha256, string Kind);
