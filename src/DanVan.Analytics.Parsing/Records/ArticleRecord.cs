namespace DanVan.Analytics.Parsing;

/// <summary>
/// One article as a line of JSONL: the shape <c>danvan parse --in</c> writes and the crawler and the indexer
/// read. <see cref="Body"/> is the paragraphs joined by a blank line, without captions.
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>The caller's identifier of the page (from the manifest).</summary>
    public required string Id { get; init; }

    /// <summary>The address the page came from.</summary>
    public string? Url { get; init; }

    /// <summary>The page's canonical address.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The site's name.</summary>
    public string? Site { get; init; }

    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>When the article was published, with its offset.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the article was last updated.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The authors.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The lead paragraph (sapo).</summary>
    public string? Lead { get; init; }

    /// <summary>The paragraphs joined by "\n\n", without captions.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>The body paragraphs.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The photo captions, in page order.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>The section.</summary>
    public string? Section { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The page's language.</summary>
    public string? Language { get; init; }

    /// <summary>What the parser guessed.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>The record of <paramref name="article"/> under <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ArticleRecord From(string id, Article article)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleRecord
        {
            Id = id,
            Url = article.Url?.AbsoluteUri,
            CanonicalUrl = article.CanonicalUrl?.AbsoluteUri,
            Site = article.Site,
            Title = article.Title,
            Published = article.Published,
            Updated = article.Updated,
            Authors = article.Authors,
            Lead = article.Lead,
            Body = article.Body,
            Paragraphs = article.Paragraphs,
            Captions = article.Captions.Select(c => c.Text).ToList(),
            Section = article.Section,
            Tags = article.Tags,
            Language = article.Language,
            Warnings = article.Warnings,
        };
    }
}

/// <summary>One line of a parse manifest: a page to parse.</summary>
/// <param name="Id">The caller's identifier of the page.</param>
/// <param name="Url">The address the page came from, if known.</param>
/// <param name="Path">The <c>.html</c> or <c>.html.gz</c> file, absolute or relative to the manifest's directory.</param>
public sealed record ManifestEntry(string? Id, string? Url, string? Path)
{
    /// <summary>The file of this entry, resolved against <paramref name="manifestDirectory"/> when relative.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Path"/> is missing.</exception>
    public string ResolvePath(string manifestDirectory)
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new InvalidOperationException("The manifest entry has no path.");
        }

        return System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.GetFullPath(System.IO.Path.Combine(manifestDirectory, Path));
    }
}

/// <summary>A page that could not be parsed: one line of the error stream.</summary>
/// <param name="Id">The page's identifier, or null when the manifest line itself was unreadable.</param>
/// <param name="Line">The manifest line number (1-based).</param>
/// <param name="Kind">The kind of failure ("Empty", "NotHtml", "Unreadable", "BadManifestLine", "FileNotFound").</param>
/// <param name="Reason">An explanation for people.</param>
public sealed record ArticleFailure(string? Id, int Line, string Kind, string Reason);
