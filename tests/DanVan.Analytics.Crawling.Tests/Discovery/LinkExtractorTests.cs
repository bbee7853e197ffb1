using System.Text;
using DanVan.Analytics.Crawling.Discovery;

namespace DanVan.Analytics.Crawling.Tests.Discovery;

public sealed class LinkExtractorTests
{
    private static readonly Uri Page = new("http://bao.vn/chinh-tri/index.html");

    [Fact]
    public void Extract_ResolvesCanonicalizesAndDedupesLinksInOrder()
    {
        const string html = """
            <html><head>
            <link rel="canonical" href="/chinh-tri/?utm_source=x">
            <link rel="alternate" type="application/rss+xml" href="/rss/chinh-tri.rss">
            <link rel="next" href="?page=2">
            <link rel="stylesheet" href="/site.css">
            </head><body>
            <a href="a.html">A</a>
            <a href="/chinh-tri/a.html#comments">A again</a>
            <a href="HTTP://BAO.VN/b.html?fbclid=1">B</a>
            <a href="mailto:toa-soan@bao.vn">mail</a>
            <a href="javascript:void(0)">js</a>
            <a href="https://other.vn/x">X</a>
            <map><area href="/map.html"></map>
            </body></html>
            """;
        PageLinks links = new LinkExtractor().Extract(html, Page);

        Assert.Equal(
            ["http://bao.vn/chinh-tri/index.html?page=2", "http://bao.vn/chinh-tri/a.html", "http://bao.vn/b.html", "https://other.vn/x", "http://bao.vn/map.html"],
            links.Links.Select(u => u.AbsoluteUri));
        Assert.Equal("http://bao.vn/chinh-tri/", links.Canonical!.AbsoluteUri);
        Assert.Equal(["http://bao.vn/rss/chinh-tri.rss"], links.Feeds.Select(u => u.AbsoluteUri));
        Assert.False(links.NoFollow);
    }

    [Fact]
    public void Extract_BaseHref_IsUsedForRelativeLinks()
    {
        PageLinks links = new LinkExtractor().Extract("<base href='http://cdn.bao.vn/tin/'><a href='x.html'>x</a>", Page);
        Assert.Equal("http://cdn.bao.vn/tin/x.html", links.Links.Single().AbsoluteUri);
    }

    [Fact]
    public void Extract_MetaRobots_IsReported()
    {
        PageLinks links = new LinkExtractor().Extract("<meta name='ROBOTS' content='noindex, nofollow'><a href='x'>x</a>", Page);
        Assert.True(links.NoFollow);
        Assert.True(links.NoIndex);
    }

    [Fact]
    public void Extract_Windows1258Bytes_DecodeTheVietnameseLink()
    {
        // In windows-1258, "tin tức" puts ư as 0xFD and the acute tone as the combining mark 0xEC: t, ư, U+0301, c.
        byte[] body = [.. Encoding.ASCII.GetBytes("<a href='/t"), 0xFD, 0xEC, .. Encoding.ASCII.GetBytes("c.html'>x</a>")];
        PageLinks links = new LinkExtractor().Extract(body, "text/html; charset=windows-1258", Page);
        // Links are decoded as the article text is, composed to NFC, as RFC 3987 (3.1) asks of an IRI converted from a
        // legacy encoding: ư + U+0301 becomes ứ U+1EE9 = E1 BB A9 in UTF-8.
        Assert.Equal("http://bao.vn/t%E1%BB%A9c.html", links.Links.Single().AbsoluteUri);
    }

    [Fact]
    public void Extract_MetaCharset_IsUsedWhenTheHeaderHasNone()
    {
        byte[] body = [.. Encoding.ASCII.GetBytes("<meta charset='iso-8859-1'><a href='/caf"), 0xE9, .. Encoding.ASCII.GetBytes(".html'>x</a>")];
        PageLinks links = new LinkExtractor().Extract(body, "text/html", Page);
        Assert.Equal("http://bao.vn/caf%C3%A9.html", links.Links.Single().AbsoluteUri);
    }

    [Fact]
    public void Extract_Garbage_NeverThrows()
    {
        var extractor = new LinkExtractor();
        foreach (string text in RandomText.Strings(42, "<a href='\"/>#?:x=&;%\u1EE9 \n", 500, 200))
        {
            _ = extractor.Extract(text, Page);
        }
    }
}
