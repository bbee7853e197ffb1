using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Datasets.Sources;

/// <summary>
/// One article as the dataset writer takes it: the article record's identity, metadata and text
/// (<see cref="ArticleRecord.ComposeText"/>), where it came from (input file, WARC file and record id, content hash),
/// and, in the <c>--gold</c> mode, its hand-made annotations.
/// </summary>
public sealed record DatasetArticle
{
    /// <summary>The dataset's view of <paramref name="record"/>, read from <paramref name="sourceFile"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static DatasetArticle From(ArticleRecord record, string? sourceFile = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DatasetArticle
        {
            Id = record.Id,
            Text = record.ComposeText(),
            Url = record.Url ?? record.CanonicalUrl,
            Site = record.Site,
            Title = record.Title,
            Published = record.Published,
            Authors = record.Authors,
            SourceFile = sourceFile,
            WarcFile = record.WarcFile,
            WarcRecordId = record.WarcRecordId,
            ContentSha256 = record.ContentSha256,
        };
    }

    /// <summary>Reads the articles of a JSONL file (article records or plain cases) with the core's reader.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The bad-line policy.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<DatasetArticle> ReadAsync(string path, JsonLinesReadOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string file = Path.GetFileName(path);
        await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            yield return From(record, file);
        }
    }

    /// <summary>The article's identifier (the record's <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The text facts and tokens are read from, and which offsets point into (<see cref="ArticleText.Compose"/>).</summary>
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

    /// <summary>The SHA-256 of the page's decoded content, when the crawler recorded it.</summary>
    public string? ContentSha256 { get; init; }

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
