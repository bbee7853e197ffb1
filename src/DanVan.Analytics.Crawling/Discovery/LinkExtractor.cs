using AngleSharp.Dom;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Analytics.Parsing;

namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>
/// Finds the links of an HTML page: anchors, image-map areas, <c>rel=next/prev</c> pagination, the
/// <c>rel=canonical</c> URL, announced RSS/Atom feeds, and the page's <c>meta robots</c> directives. It reads the
/// DOM that <see cref="ArticleParser.Load"/> built, so links and article come from one decoding and one parse under
/// the parser's guards (charset rules, size and nesting limits). Links are resolved against the page (or its
/// <c>&lt;base href&gt;</c>) and canonicalized; anything that is not http(s) is dropped; past
/// <see cref="MaxLinks"/> the rest are counted, not kept. One instance per thread.
/// </summary>
public sealed class LinkExtractor
{
    /// <summary>The default <see cref="MaxLinks"/>.</summary>
    public const int DefaultMaxLinks = 5_000;

    private readonly UrlCanonicalizer _canonicalizer;
    private ArticleParser? _parser;

    /// <summary>Creates an extractor.</summary>
    /// <param name="canonicalizer">The canonicalizer, or <see langword="null"/> for the default.</param>
    /// <param name="maxLinks">The most links kept from one page (pagination and anchors together).</param>
    public LinkExtractor(UrlCanonicalizer? canonicalizer = null, int maxLinks = DefaultMaxLinks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLinks);
        _canonicalizer = canonicalizer ?? UrlCanonicalizer.Default;
        MaxLinks = maxLinks;
    }

    /// <summary>The most links kept from one page; a page with more reports how many were dropped.</summary>
    public int MaxLinks { get; }

    /// <summary>Extracts the links of a page given as bytes (decoded as <see cref="ArticleParser"/> decodes pages).</summary>
    /// <param name="body">The decoded (not content-encoded) body.</param>
    /// <param name="contentType">The Content-Type header, whose charset is used when present.</param>
    /// <param name="pageUrl">The page's URL.</param>
    /// <returns>The links; none for a page that is empty or not text.</returns>
    public PageLinks Extract(ReadOnlyMemory<byte> body, string? contentType, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        _parser ??= new ArticleParser();
        try
        {
            using HtmlPage page = _parser.Load(body, pageUrl, contentType);
            return Extract(page.Document, pageUrl);
        }
        catch (ArticleParseException)
        {
            return new PageLinks { Links = [] };
        }
    }

    /// <summary>Extracts the links of a page given as text.</summary>
    /// <param name="html">The markup.</param>
    /// <param name="pageUrl">The page's URL.</param>
    /// <returns>The links.</returns>
    public PageLinks Extract(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", pageUrl);
    }

    /// <summary>Extracts the links of a page already parsed (see <see cref="ArticleParser.Load"/>).</summary>
    /// <param name="document">The page's DOM.</param>
    /// <param name="pageUrl">The page's URL.</param>
    /// <returns>The links.</returns>
    public PageLinks Extract(IDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
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
        int dropped = 0;
        foreach (var element in document.QuerySelectorAll("a[href], area[href], link[href]"))
        {
            bool isLink = element.LocalName == "link";
            if (!isLink && links.Count >= MaxLinks)
            {
                dropped++; // counted without resolving: a page of half a million anchors costs no URL work
                continue;
            }

            string href = element.GetAttribute("href")!;
            if (!_canonicalizer.TryCanonicalize(baseUrl, href, out Uri? url))
            {
                continue;
            }

            if (isLink)
            {
                string rel = " " + (element.GetAttribute("rel") ?? "").ToLowerInvariant() + " ";
                string type = (element.GetAttribute("type") ?? "").ToLowerInvariant();
                if (rel.Contains(" canonical ", StringComparison.Ordinal))
                {
                    canonical ??= url;
                }
                else if (rel.Contains(" alternate ", StringComparison.Ordinal) && (type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal)))
                {
                    if (feeds.Count < MaxLinks)
                    {
                        feeds.Add(url);
                    }
                }
                else if ((rel.Contains(" next ", StringComparison.Ordinal) || rel.Contains(" prev ", StringComparison.Ordinal)) && seen.Add(url.AbsoluteUri))
                {
                    if (links.Count < MaxLinks)
                    {
                        links.Add(url);
                    }
                    else
                    {
                        dropped++;
                    }
                }

                continue;
            }

            if (seen.Add(url.AbsoluteUri))
            {
                links.Add(url);
            }
        }

        return new PageLinks { Links = links, Canonical = canonical, Feeds = feeds, NoFollow = noFollow, NoIndex = noIndex, DroppedLinks = dropped };
    }
}
