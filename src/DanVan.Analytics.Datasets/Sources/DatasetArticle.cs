namespace DanVan.Analytics.Datasets.Sources;

/// <summary>
/// One article as the dataset writer takes it: what the article record holds (identity, metadata, the text) and where
/// it came from (input file and line, WARC file and record id), so that every row can be traced back.
/// </summary>
/// <remarks>
/// SEAM: until the core's <c>ArticleRecord</c> and <c>ArticleRecordReader</c> land (architecture issue 12 §1), the
/// sources fill this record themselves; afterwards an adapter builds it from the core record.
/// </remarks>
public sealed record DatasetArticle
{
    /// <summary>The article's identifier (the record's <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The text facts and tokens are read from, and which offsets point into (see <see cref="ArticleText"/>).</summary>
    public required string Text { get; init; }

    /// <summary>The address the article came from, if known.</summary>
    public string? Url { get; init; }

    /// <summary>The site's name or host, if known.</summary>
    public string? Site { get; init; }

    /// <summary>The headline, if known.</summary>
    public string? Title { get; init; }

    /// <summary>When the article was published, if known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The authors.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The input file the article was read from, if any (its name, not its path).</summary>
    public string? SourceFile { get; init; }

    /// <summary>The 1-based line of <see cref="SourceFile"/>, or 0.</summary>
    public int SourceLine { get; init; }

    /// <summary>The WARC file the page was read from, when the input came from a crawl archive.</summary>
    public string? WarcFile { get; init; }

    /// <summary>The WARC record id (<c>WARC-Record-ID</c>) of the page, when known.</summary>
    public string? WarcRecordId { get; init; }

    /// <summary>Hand-made annotations to export instead of the extractor's (the <c>--gold</c> mode), or null.</summary>
    public Extraction.ExtractionResult? Annotations { get; init; }

    /// <summary>The site if given, else the host of <see cref="Url"/>, else null.</summary>
    public string? SiteOrHost => !string.IsNullOrWhiteSpace(Site) ? Site
        : Uri.TryCreate(Url, UriKind.Absolute, out Uri? uri) ? uri.Host : null;
}
