using System.IO.Compression;
using System.Text;
using DanVan.Analytics.Crawling.Discovery;

namespace DanVan.Analytics.Crawling.Tests.Discovery;

public sealed class XmlLinkReaderTests
{
    private static readonly Uri Doc = new("http://bao.vn/sitemap.xml");

    private static XmlLinks Read(string xml, XmlLinkReader? reader = null) => (reader ?? new XmlLinkReader()).Read(Encoding.UTF8.GetBytes(xml), Doc);

    [Fact]
    public void Read_Sitemap_ListsLocs()
    {
        XmlLinks links = Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>http://bao.vn/a.html</loc><lastmod>2025-01-04</lastmod></url>
              <url><loc> http://bao.vn/b.html?utm_source=sitemap </loc></url>
              <url><loc>http://bao.vn/a.html</loc></url>
            </urlset>
            """);
        Assert.Equal(XmlLinkKind.Sitemap, links.Kind);
        Assert.Equal(["http://bao.vn/a.html", "http://bao.vn/b.html"], links.Links.Select(u => u.AbsoluteUri));
        Assert.Null(links.Error);
    }

    [Fact]
    public void Read_GzippedSitemapIndex_IsInflated()
    {
        byte[] xml = Encoding.UTF8.GetBytes("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>http://bao.vn/s1.xml.gz</loc></sitemap><sitemap><loc>http://bao.vn/s2.xml</loc></sitemap></sitemapindex>");
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(xml);
        }

        XmlLinks links = new XmlLinkReader().Read(buffer.ToArray(), Doc);
        Assert.Equal(XmlLinkKind.SitemapIndex, links.Kind);
        Assert.Equal(["http://bao.vn/s1.xml.gz", "http://bao.vn/s2.xml"], links.Links.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Read_Rss_ListsItemLinksAndPermalinkGuidsButNotTheChannelLink()
    {
        XmlLinks links = Read("""
            <rss version="2.0"><channel>
              <title>Dân vận</title><link>http://bao.vn/</link>
              <item><title>Một</title><link>http://bao.vn/1.html</link><guid isPermaLink="false">id-1</guid></item>
              <item><title>Hai</title><guid>http://bao.vn/2.html</guid></item>
              <item><title>Ba</title><guid isPermaLink="false">id-3</guid></item>
              <item><title>Bốn</title><link>/4.html</link></item>
            </channel></rss>
            """);
        Assert.Equal(XmlLinkKind.Rss, links.Kind);
        Assert.Equal(["http://bao.vn/1.html", "http://bao.vn/2.html", "http://bao.vn/4.html"], links.Links.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Read_Rdf_ListsItemLinks()
    {
        XmlLinks links = Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="http://bao.vn/"><link>http://bao.vn/</link></channel>
              <item rdf:about="http://bao.vn/r1.html"><link>http://bao.vn/r1.html</link></item>
            </rdf:RDF>
            """);
        Assert.Equal(XmlLinkKind.Rss, links.Kind);
        Assert.Equal(["http://bao.vn/r1.html"], links.Links.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Read_Atom_ListsAlternateEntryLinks()
    {
        XmlLinks links = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <link rel="self" href="http://bao.vn/atom.xml"/>
              <entry><link href="http://bao.vn/e1.html"/><link rel="edit" href="http://bao.vn/edit/1"/></entry>
              <entry><link rel="alternate" href="e2.html"/></entry>
            </feed>
            """);
        Assert.Equal(XmlLinkKind.Atom, links.Kind);
        Assert.Equal(["http://bao.vn/e1.html", "http://bao.vn/e2.html"], links.Links.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Read_Dtd_IsRefusedWithoutExpandingEntities()
    {
        XmlLinks links = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <urlset><url><loc>http://bao.vn/&lol2;</loc></url></urlset>
            """);
        Assert.Empty(links.Links);
        Assert.Contains("malformed XML", links.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedXml_KeepsTheLinksReadSoFar()
    {
        XmlLinks links = Read("<urlset><url><loc>http://bao.vn/ok.html</loc></url><url><loc>http://bao.vn/x</url>");
        Assert.Equal(["http://bao.vn/ok.html"], links.Links.Select(u => u.AbsoluteUri));
        Assert.NotNull(links.Error);
    }

    [Fact]
    public void Read_GzipBomb_StopsAtTheLimit()
    {
        // Well-formed as far as it goes: a urlset that opens and then pads with 16 MB of white space, so only the
        // limit on what inflation may produce stops it (zeros would stop the XML reader at the first byte).
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"u8);
            byte[] spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 16; i++)
            {
                gzip.Write(spaces);
            }
        }

        byte[] bomb = buffer.ToArray();
        XmlLinks links = new XmlLinkReader(maxBytes: 1024 * 1024).Read(bomb, Doc);
        Assert.Empty(links.Links);
        Assert.Contains("limit", links.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Html_IsNotRecognized()
    {
        Assert.Equal(XmlLinkKind.NotRecognized, Read("<html><body>x</body></html>").Kind);
    }

    [Theory]
    [InlineData("<?xml version='1.0'?><urlset/>", null, true)]
    [InlineData("<html></html>", "text/html", false)]
    [InlineData("<html></html>", "application/rss+xml", true)]
    [InlineData("  <rss>", null, true)]
    public void LooksLikeXml_SniffsTypeAndStart(string body, string? contentType, bool expected)
    {
        Assert.Equal(expected, XmlLinkReader.LooksLikeXml(Encoding.UTF8.GetBytes(body), contentType));
    }
}
