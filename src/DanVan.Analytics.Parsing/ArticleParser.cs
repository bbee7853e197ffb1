using System.Buffers;
using System.IO.Compression;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Parsing.Decoding;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Metadata;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing;

/// <summary>
/// Parses a Vietnamese news page into an <see cref="Article"/>: metadata from JSON-LD, OpenGraph and
/// <c>&lt;meta&gt;</c> tags, microdata and the visible markup (in that order of trust), and the body from a
/// generic content detector with a Vietnamese boilerplate lexicon. Bad input gives a partial article with
/// <see cref="Article.Warnings"/>, or an <see cref="ArticleParseException"/> when there is no page at all.
/// </summary>
/// <remarks>
/// An instance can parse any number of pages, one at a time; use one instance per thread.
/// </remarks>
public sealed class ArticleParser
{
    private const int BinaryProbeBytes = 2048;
    private readonly HtmlParser _htmlParser;
    private readonly ClassHintCache _hints = new();

    /// <summary>Creates a parser.</summary>
    /// <param name="options">Limits and defaults; <see cref="ArticleParseOptions.Default"/> when null.</param>
    public ArticleParser(ArticleParseOptions? options = null)
    {
        Options = options ?? ArticleParseOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxInputBytes, 1024, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxNestingDepth, 16, nameof(options));
        _htmlParser = new HtmlParser(new HtmlParserOptions
        {
            // Script and style text is never article text; JSON-LD is read by MarkupPrescan before this.
            SkipScriptText = true,
            SkipRawText = true,
            SkipComments = true,
            SkipProcessingInstructions = true,
            DisableElementPositionTracking = true,
            // Only the attributes the walker reads reach the DOM: fewer allocations on pages full of data-* and src.
            ShouldEmitAttribute = static (ref AngleSharp.Html.Parser.Tokens.Struct.StructHtmlToken _, ReadOnlyMemory<char> name) => IsReadAttribute(name.Span),
        });
    }

    private static bool IsReadAttribute(ReadOnlySpan<char> name) => name switch
    {
        "class" or "id" or "style" or "hidden" or "aria-hidden" or "itemprop" or "itemscope" or "itemtype" or "content"
            or "property" or "name" or "http-equiv" or "charset" or "rel" or "href" or "datetime" or "lang" or "xml:lang" or "type" => true,
        _ => false,
    };

    /// <summary>The options in use.</summary>
    public ArticleParseOptions Options { get; }

    /// <summary>Parses a page given as bytes.</summary>
    /// <param name="html">The page bytes as served (gzip is recognised and inflated).</param>
    /// <param name="url">The address the page came from; resolves relative links and names the site.</param>
    /// <param name="contentType">The HTTP <c>Content-Type</c> header, whose charset wins over the page's own.</param>
    /// <param name="cancellationToken">Cancels a long parse.</param>
    /// <exception cref="ArticleParseException">The input is empty, not HTML (binary, a known non-page format, or text without markup) or unreadable.</exception>
    public Article Parse(ReadOnlyMemory<byte> html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        using HtmlPage page = Load(html, url, contentType, cancellationToken);
        return Parse(page, cancellationToken);
    }

    /// <summary>
    /// Decodes a page once and builds its DOM with this parser's guards (size limit, nesting limit, binary input
    /// refused), for callers that read more than the article from one parse (a crawler's links); then
    /// <see cref="Parse(HtmlPage, CancellationToken)"/> reads the article from the same DOM.
    /// </summary>
    /// <param name="html">The page bytes as served (gzip is recognised and inflated).</param>
    /// <param name="url">The address the page came from.</param>
    /// <param name="contentType">The HTTP <c>Content-Type</c> header, whose charset wins over the page's own.</param>
    /// <param name="cancellationToken">Cancels a long parse.</param>
    /// <returns>The page; dispose it when done.</returns>
    /// <exception cref="ArticleParseException">The input is empty, not HTML (binary, a known non-page format, or text without markup) or unreadable.</exception>
    public HtmlPage Load(ReadOnlyMemory<byte> html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        var warnings = new List<ParseWarning>();
        ReadOnlySpan<byte> bytes = html.Span;
        if (IsGzip(bytes))
        {
            using var input = new MemoryStream(html.ToArray(), writable: false);
            (byte[] buffer, int length, bool truncated, bool cut) = ReadLimited(input, cancellationToken);
            try
            {
                if (cut)
                {
                    warnings.Add(CompressedCutWarning);
                }

                if (truncated)
                {
                    length = HtmlDecoder.CutAtCharacterBoundary(buffer.AsSpan(0, length)).Length;
                    warnings.Add(new ParseWarning(ParseWarningCode.InputTruncated, $"The page is larger than {Options.MaxInputBytes:N0} bytes; only the beginning was read."));
                }

                return LoadBytes(buffer.AsSpan(0, length), url, contentType, warnings, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return LoadBytes(bytes, url, contentType, warnings, cancellationToken);
    }

    private HtmlPage LoadBytes(ReadOnlySpan<byte> bytes, Uri? url, string? contentType, List<ParseWarning> warnings, CancellationToken cancellationToken)
    {
        if (bytes.Length > Options.MaxInputBytes)
        {
            int total = bytes.Length;
            bytes = HtmlDecoder.CutAtCharacterBoundary(bytes[..Options.MaxInputBytes]);
            warnings.Add(new ParseWarning(ParseWarningCode.InputTruncated, $"The page is {total:N0} bytes; only the first {bytes.Length:N0} were read."));
        }

        CheckNotBinary(bytes);
        using DecodedText decoded = HtmlDecoder.DecodeText(bytes, contentType, warnings);
        ReadOnlyMemory<char> text = decoded.Memory;
        if (!ContentSniffer.HasMarkup(text.Span) && !text.Span.IsWhiteSpace()) // whitespace alone is reported as Empty below
        {
            throw new ArticleParseException(ArticleParseErrorKind.NotHtml, "The input is text without any HTML markup, not a page.");
        }

        return LoadText(text, decoded.AsString, url, warnings, cancellationToken);
    }

    /// <summary>Parses a page read from <paramref name="html"/> (up to <see cref="ArticleParseOptions.MaxInputBytes"/>; gzip is inflated).</summary>
    /// <param name="html">The page bytes.</param>
    /// <param name="url">The address the page came from.</param>
    /// <param name="contentType">The HTTP <c>Content-Type</c> header, if known.</param>
    /// <param name="cancellationToken">Cancels a long parse.</param>
    /// <exception cref="ArticleParseException">The input is empty, not HTML (binary, a known non-page format, or text without markup) or unreadable.</exception>
    public Article Parse(Stream html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        (byte[] buffer, int length, bool truncated, bool cut) = ReadLimited(html, cancellationToken);
        try
        {
            if (truncated)
            {
                length = HtmlDecoder.CutAtCharacterBoundary(buffer.AsSpan(0, length)).Length;
            }

            Article article = Parse(buffer.AsMemory(0, length), url, contentType, cancellationToken);
            if (cut)
            {
                article = article with { Warnings = [CompressedCutWarning, .. article.Warnings] };
            }

            return truncated
                ? article with { Warnings = [new ParseWarning(ParseWarningCode.InputTruncated, $"The page is larger than {Options.MaxInputBytes:N0} bytes; only the beginning was read."), .. article.Warnings] }
                : article;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads and parses a page from <paramref name="html"/> without blocking on I/O.</summary>
    /// <param name="html">The page bytes.</param>
    /// <param name="url">The address the page came from.</param>
    /// <param name="contentType">The HTTP <c>Content-Type</c> header, if known.</param>
    /// <param name="cancellationToken">Cancels the read and the parse.</param>
    /// <exception cref="ArticleParseException">The input is empty, not HTML (binary, a known non-page format, or text without markup) or unreadable.</exception>
    public async Task<Article> ParseAsync(Stream html, Uri? url = null, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var copy = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await html.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(chunk, 0, read);
                if (copy.Length > Options.MaxInputBytes)
                {
                    break;
                }
            }
        }
        catch (IOException exception)
        {
            throw new ArticleParseException(ArticleParseErrorKind.Unreadable, "The page could not be read: " + exception.Message, exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        copy.Position = 0;
        return Parse(copy, url, contentType, cancellationToken);
    }

    /// <summary>Parses a page that is already text.</summary>
    /// <param name="html">The page markup.</param>
    /// <param name="url">The address the page came from.</param>
    /// <param name="cancellationToken">Cancels a long parse.</param>
    /// <exception cref="ArticleParseException">The input is empty.</exception>
    public Article Parse(string html, Uri? url = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var warnings = new List<ParseWarning>();
        if (html.Length > Options.MaxInputBytes)
        {
            int cut = Options.MaxInputBytes;
            if (char.IsHighSurrogate(html[cut - 1]))
            {
                cut--;
            }

            warnings.Add(new ParseWarning(ParseWarningCode.InputTruncated, $"The page is {html.Length:N0} characters; only the first {cut:N0} were read."));
            html = html[..cut];
        }

        using HtmlPage page = LoadText(html.AsMemory(), html, url, warnings, cancellationToken);
        return Parse(page, cancellationToken);
    }

    // original: the same text as a string when the caller has one (the prescan returns it when it cuts nothing).
    private HtmlPage LoadText(ReadOnlyMemory<char> text, string? original, Uri? url, List<ParseWarning> warnings, CancellationToken cancellationToken)
    {
        if (text.Span.IsWhiteSpace())
        {
            throw new ArticleParseException(ArticleParseErrorKind.Empty, "The page is empty.");
        }

        MarkupPrescan prescan = original is null
            ? MarkupPrescan.Run(text, Options.MaxNestingDepth, cancellationToken)
            : MarkupPrescan.Run(original, Options.MaxNestingDepth, cancellationToken);
        if (prescan.Flattened)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.NestingTooDeep, $"Elements nested deeper than {Options.MaxNestingDepth} levels were flattened; their text was kept."));
        }

        if (prescan.Truncated && !warnings.Exists(w => w.Code == ParseWarningCode.InputTruncated))
        {
            warnings.Add(new ParseWarning(ParseWarningCode.MarkupTruncated, "The page ends in the middle of its markup; it may have been cut off."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new HtmlPage(_htmlParser.ParseDocument(prescan.Html), url, prescan.JsonLd, warnings);
    }

    /// <summary>Reads the article from a page <see cref="Load"/> built (by this parser or another with the same options).</summary>
    /// <param name="page">The loaded page.</param>
    /// <param name="cancellationToken">Cancels a long parse.</param>
    /// <returns>The article.</returns>
    public Article Parse(HtmlPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        Uri? url = page.Url;
        var warnings = new List<ParseWarning>(page.Warnings);
        IElement? root = page.Document.DocumentElement;
        PageModel model = root is null ? new PageModel() : PageWalker.Walk(root, _hints, cancellationToken);

        JsonLdArticle ld = JsonLdArticle.Read(page.JsonLd, warnings);
        ResolvedMetadata meta = MetadataResolver.Resolve(model, ld, url, Options, warnings);
        string? titleKey = meta.Title is null ? null : VietnameseFolder.Fold(meta.Title);
        string? leadKey = meta.Lead is null ? null : VietnameseFolder.Fold(meta.Lead);
        ExtractedContent content = ContentExtractor.Extract(model, titleKey, leadKey, !meta.LeadFromMetadata, meta.Language, ld.ArticleBody);

        string? lead = meta.Lead;
        if (content.LeadParagraph is not null && (lead is null || (meta.LeadFromMetadata && content.LeadParagraph.Length >= lead.Length)))
        {
            // The visible sapo is complete; a description may be shortened.
            lead = content.LeadParagraph;
        }
        else if (lead is not null && meta.LeadFromMetadata)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.LeadFromMetadata, "The lead is the page's description; the page shows no sapo."));
        }

        List<string> authors = meta.Authors;
        if (authors.Count == 0)
        {
            authors.AddRange(BylineFinder.Find(model, content.Bylines, meta.TitleNode));
            if (authors.Count > 0)
            {
                warnings.Add(new ParseWarning(ParseWarningCode.AuthorsFromByline, "The authors were read from the byline in the page text."));
            }
        }

        if (meta.Published is null)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.NoPublishedTime, "The page gives no published time."));
        }

        if (content.BodyFromMetadata)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.BodyFromMetadata, "The page shows no body of its own; the body is the articleBody of its JSON-LD."));
        }

        if (content.Paragraphs.Count == 0)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.NoBody, "No article body was found."));
        }
        else if (content.Paragraphs.Sum(p => p.Length) < 300)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.ShortBody, "The body is very short; the page may not be an article."));
        }

        return new Article
        {
            Url = url,
            CanonicalUrl = meta.Canonical,
            Site = meta.Site,
            Title = meta.Title,
            Lead = lead,
            Published = meta.Published,
            Updated = meta.Updated,
            Authors = authors,
            Paragraphs = content.Paragraphs,
            Captions = content.Captions,
            Section = meta.Section,
            Tags = meta.Tags,
            Language = meta.Language,
            Warnings = warnings,
        };
    }

    private static readonly ParseWarning CompressedCutWarning =
        new(ParseWarningCode.CompressedInputCut, "The gzip-compressed page ends before its end marker (the file was cut short); what could be read was parsed.");

    // Truncated: over MaxInputBytes, only the beginning kept. Cut: a gzip stream that ends without its trailer.
    private (byte[] Buffer, int Length, bool Truncated, bool Cut) ReadLimited(Stream html, CancellationToken cancellationToken)
    {
        int limit = Options.MaxInputBytes;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        int length = 0;
        try
        {
            Stream source = html;
            byte[] head = new byte[2];
            int headLength = html.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            var prefixed = new PrefixedStream(head.AsMemory(0, headLength), html);
            bool gzip = headLength == 2 && IsGzip(head);
            source = gzip ? new GZipStream(prefixed, CompressionMode.Decompress) : prefixed;
            using (source)
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (length == buffer.Length)
                    {
                        if (length > limit)
                        {
                            return (buffer, limit, true, false);
                        }

                        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    int read = source.Read(buffer, length, Math.Min(buffer.Length, limit + 1) - length);
                    if (read == 0)
                    {
                        bool cut = gzip && !prefixed.EndsWithGzipTrailerFor(length);
                        return length > limit ? (buffer, limit, true, false) : (buffer, length, false, cut);
                    }

                    length += read;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new ArticleParseException(ArticleParseErrorKind.Unreadable, "The page could not be read: " + exception.Message, exception);
        }
    }

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static void CheckNotBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> probe = bytes[..Math.Min(bytes.Length, BinaryProbeBytes)];
        if (probe.IsEmpty)
        {
            throw new ArticleParseException(ArticleParseErrorKind.Empty, "The page is empty.");
        }

        if (ContentSniffer.DescribeSignature(bytes) is { } format)
        {
            throw new ArticleParseException(ArticleParseErrorKind.NotHtml, $"The input is {format}, not a page.");
        }

        bool utf16 = probe.Length >= 2 && ((probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF));
        if (utf16)
        {
            return;
        }

        int control = 0;
        foreach (byte b in probe)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        // Text pages have next to no control bytes; images, archives and executables are full of them.
        if (control > probe.Length / 20)
        {
            throw new ArticleParseException(ArticleParseErrorKind.NotHtml, $"The input is binary data, not a page ({control} control bytes in the first {probe.Length}).");
        }
    }
}
