namespace DanVan.Analytics.Datasets;

/// <summary>What a dataset holds: the counts the card and the manifest report.</summary>
public sealed record DatasetSummary
{
    /// <summary>The articles read (in this shard).</summary>
    public long ArticlesRead { get; init; }

    /// <summary>The articles written.</summary>
    public long Articles { get; init; }

    /// <summary>The articles of other shards, passed over.</summary>
    public long OtherShards { get; init; }

    /// <summary>The near duplicates found.</summary>
    public long Duplicates { get; init; }

    /// <summary>The near duplicates dropped (with <see cref="DatasetOptions.Dedupe"/>).</summary>
    public long DuplicatesDropped { get; init; }

    /// <summary>Per split (train, dev, test): articles, sentences, tokens.</summary>
    public IReadOnlyDictionary<string, SplitCounts> Splits { get; init; } = new Dictionary<string, SplitCounts>();

    /// <summary>The rows of each file, by its path relative to the dataset's folder.</summary>
    public IReadOnlyDictionary<string, long> FileRows { get; init; } = new Dictionary<string, long>();

    /// <summary>Per label (B-PER …): the number of entities.</summary>
    public IReadOnlyDictionary<string, long> Entities { get; init; } = new Dictionary<string, long>();

    /// <summary>The earliest publication date, if any article has one.</summary>
    public DateTimeOffset? FirstPublished { get; init; }

    /// <summary>The latest publication date, if any article has one.</summary>
    public DateTimeOffset? LastPublished { get; init; }

    /// <summary>The number of distinct sites.</summary>
    public long Sites { get; init; }

    /// <summary>The version of the extractor.</summary>
    public string ExtractorVersion { get; init; } = "";

    /// <summary>"extractor", "gold" or "extractor+gold".</summary>
    public string AnnotationSource { get; init; } = "extractor";
}

/// <summary>The size of one split.</summary>
/// <param name="Articles">Its articles.</param>
/// <param name="Sentences">Its sentences (rows of <c>ner/{split}.jsonl</c>).</param>
/// <param name="Tokens">Its tokens.</param>
public sealed record SplitCounts(long Articles, long Sentences, long Tokens);
