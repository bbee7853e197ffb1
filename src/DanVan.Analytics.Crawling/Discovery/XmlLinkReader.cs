using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>
/// Reads the links of sitemaps (<c>urlset</c>), sitemap indexes, RSS 2.0 / RSS 1.0 and Atom feeds in one streaming
/// pass with <see cref="XmlReader"/>: DTDs are refused (no entity expansion, no external fetches), the document size
/// is limited, gzip-compressed files (<c>sitemap.xml.gz</c>) are inflated within the limit. Malformed XML gives the
/// links read so far and the error, never an exception.
/// </summary>
public sealed class XmlLinkReader
{
    private readonly UrlCanonicalizer _canonicalizer;

    /// <summary>Creates a reader.</summary>
    /// <param name="maxBytes">The largest document read, once decompressed. Default: 50 MB (the sitemap protocol's limit).</param>
    /// <param name="canonicalizer">The canonicalizer, or <see langword="null"/> for the default.</param>
    public XmlLinkReader(long maxBytes = 50 * 1024 * 1024, UrlCanonicalizer? canonicalizer = null)
    {
        MaxBytes = maxBytes;
        _canonicalizer = canonicalizer ?? UrlCanonicalizer.Default;
    }

    /// <summary>The largest document read, once decompressed.</summary>
    public long MaxBytes { get; }

    /// <summary>Whether a body looks like XML (possibly gzip-compressed) worth handing to <see cref="Read"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <returns><see langword="true"/> for XML and gzip content types or bodies that start like XML.</returns>
    public static bool LooksLikeXml(ReadOnlySpan<byte> body, string? contentType)
    {
        if (contentType is not null && (contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("gzip", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (ContentDecoder.IsGzip(body))
        {
            return true;
        }

        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        body = body.TrimStart(" \t\r\n"u8);
        return body.StartsWith("<?xml"u8) || body.StartsWith("<urlset"u8) || body.StartsWith("<rss"u8) || body.StartsWith("<feed"u8) || body.StartsWith("<sitemapindex"u8);
    }

    /// <summary>Reads a sitemap or feed.</summary>
    /// <param name="body">The body (gzip is detected and inflated).</param>
    /// <param name="documentUrl">The document's URL (relative links in feeds resolve against it).</param>
    /// <returns>The links.</returns>
    public XmlLinks Read(ReadOnlyMemory<byte> body, Uri documentUrl)
    {
        ArgumentNullException.ThrowIfNull(documentUrl);
        // Streamed: a gzip sitemap is inflated as the XML reader pulls it, never held whole once decompressed;
        // MaxCharactersInDocument bounds what inflation can produce.
        Stream source = AsStream(body);
        if (ContentDecoder.IsGzip(body.Span))
        {
            source = new LimitedStream(new GZipStream(source, CompressionMode.Decompress), MaxBytes);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var kind = XmlLinkKind.NotRecognized;
        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(source, settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return new XmlLinks(kind, links);
            }

            kind = reader.LocalName switch
            {
                "urlset" => XmlLinkKind.Sitemap,
                "sitemapindex" => XmlLinkKind.SitemapIndex,
                "rss" or "RDF" => XmlLinkKind.Rss,
                "feed" => XmlLinkKind.Atom,
                _ => XmlLinkKind.NotRecognized,
            };
            if (kind == XmlLinkKind.NotRecognized)
            {
                return new XmlLinks(kind, links);
            }

            string? pendingGuid = null;
            bool inItem = false;
            bool itemHasLink = false;
            bool more = reader.Read();
            while (more)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "item" or "entry")
                {
                    if (!itemHasLink && pendingGuid is not null)
                    {
                        Add(documentUrl, pendingGuid, links, seen); // an RSS item may carry only a permalink guid
                    }

                    (pendingGuid, inItem, itemHasLink) = (null, false, false);
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName is "item" or "entry" && !reader.IsEmptyElement)
                    {
                        (pendingGuid, inItem, itemHasLink) = (null, true, false);
                    }
                    else if (kind is XmlLinkKind.Sitemap or XmlLinkKind.SitemapIndex && reader.LocalName == "loc")
                    {
                        Add(documentUrl, reader.ReadElementContentAsString(), links, seen);
                        more = !reader.EOF;
                        continue; // ReadElementContentAsString already moved past the element
                    }
                    else if (kind == XmlLinkKind.Rss && inItem && reader.LocalName == "link")
                    {
                        itemHasLink |= Add(documentUrl, reader.ReadElementContentAsString(), links, seen);
                        more = !reader.EOF;
                        continue;
                    }
                    else if (kind == XmlLinkKind.Rss && inItem && reader.LocalName == "guid")
                    {
                        bool permalink = !"false".Equals(reader.GetAttribute("isPermaLink"), StringComparison.OrdinalIgnoreCase);
                        string guid = reader.ReadElementContentAsString();
                        pendingGuid = permalink ? guid : null;
                        more = !reader.EOF;
                        continue;
                    }
                    else if (kind == XmlLinkKind.Atom && inItem && reader.LocalName == "link"
                        && (reader.GetAttribute("rel") ?? "alternate") == "alternate" && reader.GetAttribute("href") is { } href)
                    {
                        itemHasLink |= Add(documentUrl, href, links, seen);
                    }
                }

                more = reader.Read();
            }
        }
        catch (XmlException e)
        {
            return new XmlLinks(kind, links, $"malformed XML: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return new XmlLinks(kind, links, $"the gzip data is corrupt: {e.Message}");
        }
        catch (LimitedStream.LimitExceededException)
        {
            return new XmlLinks(kind, links, $"the document decompresses to more than the {MaxBytes}-byte limit; reading stopped");
        }
        finally
        {
            source.Dispose();
        }

        return new XmlLinks(kind, links);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private bool Add(Uri documentUrl, string text, List<Uri> links, HashSet<string> seen)
    {
        if (_canonicalizer.TryCanonicalize(documentUrl, text.Trim(), out Uri? url) && seen.Add(url.AbsoluteUri))
        {
            links.Add(url);
            return true;
        }

        return false;
    }
}
