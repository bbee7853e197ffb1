namespace DanVan.Analytics.Parsing;

/// <summary>
/// A news article as <see cref="ArticleParser"/> found it in a page. Every string is whitespace-collapsed
/// and normalized with the text core's <c>VietnameseNormalizer.Default</c> (canonical NFC).
/// </summary>
public sealed record Article
{
    /// <summary>The address the page was fetched from, when the caller gave it.</summary>
    public Uri? Url { get; init; }

    /// <summary>The page's canonical address (<c>&lt;link rel="canonical"&gt;</c>, <c>og:url</c>, JSON-LD), absolute.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary>The site's name ("Báo Lao Động Thủ Đô", "vnexpress.net"), or the host name when the page gives none.</summary>
    public string? Site { get; init; }

    /// <summary>The headline, without the " - Site name" suffix of <c>&lt;title&gt;</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The lead paragraph (the "sapo"), kept apart from <see cref="Paragraphs"/>.</summary>
    public string? Lead { get; init; }

    /// <summary>When the article was published; Vietnam time (+07:00) when the page gives no zone.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the article was last updated, if the page says.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The authors' names, in page order, without duplicates.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The body paragraphs and subheadings in page order, without lead, captions, bylines or boilerplate.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The photo captions, kept apart from the body, each with its place among the paragraphs.</summary>
    public IReadOnlyList<ArticleCaption> Captions { get; init; } = [];

    /// <summary>The section (chuyên mục) the site files the article under.</summary>
    public string? Section { get; init; }

    /// <summary>The tags and keywords the site gives the article.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The page's language as it declares it, lower case ("vi", "vi-vn"), or null.</summary>
    public string? Language { get; init; }

    /// <summary>What the parser had to guess or could not find, in the order it happened.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>The body: <see cref="Paragraphs"/> joined by a blank line, without captions.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}

/// <summary>A photo caption and where it stood in the article.</summary>
/// <param name="Text">The caption text, credit included ("Quang cảnh hội nghị. (Ảnh: Khánh Huyền)").</param>
/// <param name="ParagraphIndex">How many body paragraphs precede the photo.</param>
public sealed record ArticleCaption(string Text, int ParagraphIndex);

/// <summary>Something the parser had to guess or could not do.</summary>
/// <param name="Code">What kind of guess or failure.</param>
/// <param name="Message">An explanation for people.</param>
public sealed record ParseWarning(ParseWarningCode Code, string Message);

/// <summary>The kinds of <see cref="ParseWarning"/>.</summary>
public enum ParseWarningCode
{
    /// <summary>The page declared no charset; it was guessed from the bytes.</summary>
    CharsetGuessed,

    /// <summary>The declared charset did not fit the bytes; another one was used.</summary>
    CharsetMismatch,

    /// <summary>The declared charset is unknown.</summary>
    UnknownCharset,

    /// <summary>Some bytes could not be decoded and were replaced.</summary>
    InvalidBytes,

    /// <summary>The page was larger than <see cref="ArticleParseOptions.MaxInputBytes"/>; only its beginning was read.</summary>
    InputTruncated,

    /// <summary>Elements nested deeper than <see cref="ArticleParseOptions.MaxNestingDepth"/> were flattened.</summary>
    NestingTooDeep,

    /// <summary>The page ends in the middle of the markup (the download was cut).</summary>
    MarkupTruncated,

    /// <summary>A JSON-LD block could not be read.</summary>
    MalformedJsonLd,

    /// <summary>No title in the metadata; it was taken from the visible markup or the site suffix was guessed.</summary>
    TitleGuessed,

    /// <summary>No title anywhere.</summary>
    NoTitle,

    /// <summary>The published time came from the visible page text, not from the metadata.</summary>
    PublishedFromText,

    /// <summary>The page gave a time without a zone; Vietnam time (+07:00) was assumed.</summary>
    TimeZoneAssumed,

    /// <summary>No published time anywhere.</summary>
    NoPublishedTime,

    /// <summary>The authors came from a byline in the text, not from the metadata.</summary>
    AuthorsFromByline,

    /// <summary>No body text was found.</summary>
    NoBody,

    /// <summary>The body is very short; the page may not be an article.</summary>
    ShortBody,

    /// <summary>The lead came from the metadata description, which may be shortened.</summary>
    LeadFromMetadata,

    /// <summary>The gzip-compressed page ends before its end marker (the file was cut short); what could be read was parsed.</summary>
    CompressedInputCut,

    /// <summary>The page shows no body of its own (it is loaded by script, or missing); the body is the JSON-LD <c>articleBody</c>.</summary>
    BodyFromMetadata,
}
