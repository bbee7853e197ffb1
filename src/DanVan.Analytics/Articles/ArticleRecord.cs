using System.Text.Json.Serialization;

namespace DanVan.Analytics.Articles;

/// <summary>
/// One article as a line of JSON Lines: what <c>danvan parse</c> and <c>danvan crawl</c> write and what every
/// command and library stage that reads articles takes (<see cref="ArticleRecordReader"/>,
/// <see cref="ArticleRecordWriter"/>). Two shapes share it: an article record (title, lead, body ...) and a plain
/// case (<c>{"id", "text"}</c>, as the gold sets are written); <see cref="ComposeText"/> is the one text both give.
/// Property names are snake_case in JSON (<c>canonical_url</c>, <c>schema_version</c>).
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>The schema version this library writes; a reader takes this one and older ones.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The version of the record's shape (<see cref="CurrentSchemaVersion"/> when written by this library).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The caller's identifier of the article (a manifest id, a hash of the URL, a gold case id).</summary>
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

    /// <summary>The body paragraphs joined by "\n\n", without captions.</summary>
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

    /// <summary>What the parser guessed or could not find.</summary>
    public IReadOnlyList<ArticleWarning> Warnings { get; init; } = [];

    /// <summary>
    /// The whole text of a plain case (<c>{"id", "text"}</c>); null for an article record, whose text is composed
    /// from <see cref="Title"/>, <see cref="Lead"/> and <see cref="Body"/> (see <see cref="ComposeText"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>The WARC file that holds the page's response, when the article came from a crawl.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WarcFile { get; init; }

    /// <summary>The <c>WARC-Record-ID</c> of the page's response in <see cref="WarcFile"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WarcRecordId { get; init; }

    /// <summary>The SHA-256 (lower-case hex) of the page's decoded content, so that datasets can trace and dedupe rows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentSha256 { get; init; }

    // Files written before schema version 1 were camelCase; "canonicalUrl" is their only name of two words.
    [JsonInclude, JsonPropertyName("canonicalUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal string? LegacyCanonicalUrl
    {
        get => null;
        init => CanonicalUrl ??= value;
    }

    /// <summary>
    /// The article's text, the one that extraction reads and that the offsets of extracted facts point into:
    /// <see cref="Text"/> when the record has one, else <see cref="ArticleText.Compose(string?, string?, string?)"/>
    /// of title, lead and body.
    /// </summary>
    public string ComposeText() => Text ?? ArticleText.Compose(Title, Lead, Body);
}

/// <summary>Something the parser had to guess or could not do, as the record keeps it.</summary>
/// <param name="Code">The kind ("TimeZoneAssumed", "NoBody" ...; the parser's warning code names).</param>
/// <param name="Message">An explanation for people.</param>
public sealed record ArticleWarning(string Code, string Message);
