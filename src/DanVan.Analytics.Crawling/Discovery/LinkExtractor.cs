using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>
/// Finds the links of an HTML page with AngleSharp: anchors, image-map areas, <c>rel=next/prev</c> pagination,
/// the <c>rel=canonical</c> URL, announced RSS/Atom feeds, and the page's <c>meta robots</c> directives. Links are
/// resolved against the page (or its <c>&lt;base href&gt;</c>) and canonicalized; anything that is not http(s) is
/// dropped. One instance per thread (the HTML parser is not shared).
/// </summary>
public sealed class LinkExtractor
{
    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly UrlCanonicalizer _canonicalizer;

    /// <summary>Creates an extractor.</summary>
    /// <param name="canonicalizer">The canonicalizer, or <see langword="null"/> for the default.</param>
    public LinkExtractor(UrlCanonicalizer? canonicalizer = null)
    {
        _canonicalizer = canonicalizer ?? UrlCanonicalizer.Default;
    }

    /// <summary>Extracts the links of a page given as bytes.</summary>
    /// <param name="body">The decoded (not content-encoded) body.</param>
    /// <param name="contentType">The Content-Type header, whose charset is used when present.</param>
    /// <param name="pageUrl">The page's URL.</param>
    /// <returns>The links.</returns>
    public PageLinks Extract(ReadOnlyMemory<byte> body, string? contentType, Uri pageUrl) =>
        Extract(DecodeHtml(body.Span, contentType), pageUrl);

    /// <summary>Extracts the links of a page given as text.</summary>
    /// <param name="html">The markup.</param>
    /// <param name="pageUrl">The page's URL.</param>
    /// <returns>The links.</returns>
    public PageLinks Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        using IHtmlDocument document = _parser.ParseDocument(html);

        Uri baseUrl = pageUrl;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref
            && _canonicalizer.TryCanonicalize(pageUrl, baseHref, out Uri? resolvedBase))
        {
            baseUrl = resolvedBase;
        }

        bool noFollow = false;
        bool noIndex = false;
        foreach (var meta in document.QuerySelectorAll("meta[name][content]"))
        {
            string name = meta.GetAttribute("name")!;
            if (name.Equals("robots", StringComparison.OrdinalIgnoreCase) || name.Equals("danvanbot", StringComparison.OrdinalIgnoreCase))
            {
                string content = meta.GetAttribute("content")!;
                noFollow |= content.Contains("nofollow", StringComparison.OrdinalIgnoreCase) || content.Contains("none", StringComparison.OrdinalIgnoreCase);
                noIndex |= content.Contains("noindex", StringComparison.OrdinalIgnoreCase) || content.Contains("none", StringComparison.OrdinalIgnoreCase);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<Uri>();
        var feeds = new List<Uri>();
        Uri? canonical = null;
        foreach (var element in document.QuerySelectorAll("a[href], area[href], link[href]"))
        {
            string href = element.GetAttribute("href")!;
            if (!_canonicalizer.TryCanonicalize(baseUrl, href, out Uri? url))
            {
                continue;
            }

            if (element.LocalName == "link")
            {
                string rel = " " + (element.GetAttribute("rel") ?? "").ToLowerInvariant() + " ";
                string type = (element.GetAttribute("type") ?? "").ToLowerInvariant();
                if (rel.Contains(" canonical ", StringComparison.Ordinal))
                {
                    canonical ??= url;
                }
                else if (rel.Contains(" alternate ", StringComparison.Ordinal) && (type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal)))
                {
                    feeds.Add(url);
                }
                else if ((rel.Contains(" next ", StringComparison.Ordinal) || rel.Contains(" prev ", StringComparison.Ordinal)) && seen.Add(url.AbsoluteUri))
                {
                    links.Add(url);
                }

                continue;
            }

            if (seen.Add(url.AbsoluteUri))
            {
                links.Add(url);
            }
        }

        return new PageLinks { Links = links, Canonical = canonical, Feeds = feeds, NoFollow = noFollow, NoIndex = noIndex };
    }

    /// <summary>
    /// Decodes HTML bytes for link extraction: a BOM, then the Content-Type charset, then a <c>meta charset</c> in
    /// the first 1024 bytes, then UTF-8. (Links are mostly ASCII, so a wrong guess costs little here; the article
    /// parser does the careful decoding of the text.)
    /// </summary>
    internal static string DecodeHtml(ReadOnlySpan<byte> body, string? contentType)
    {
        Encoding? encoding = null;
        int preamble = 0;
        if (body.StartsWith("\uFEFF"u8))
        {
            encoding = Encoding.UTF8;
            preamble = 3;
        }

        encoding ??= Charset(CharsetParameter(contentType)) ?? Charset(MetaCharset(body[..Math.Min(body.Length, 1024)])) ?? Encoding.UTF8;
        return encoding.GetString(body[preamble..]);
    }

    private static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        int at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    private static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        string ascii = Encoding.Latin1.GetString(head);
        int at = ascii.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        int start = at + 8;
        while (start < ascii.Length && ascii[start] is '"' or '\'' or ' ')
        {
            start++;
        }

        int end = start;
        while (end < ascii.Length && (char.IsAsciiLetterOrDigit(ascii[end]) || ascii[end] is '-' or '_' or ':' or '.'))
        {
            end++;
        }

        return end > start ? ascii[start..end] : null;
    }

    private static Encoding? Charset(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name) ?? CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }
}
