using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DanVan.Analytics.Crawling.Tests.Fixtures;

/// <summary>
/// A small Vietnamese news site for crawler tests, built from the corpus seed articles: a home page, two sections
/// with pagination, articles, robots.txt with a disallowed section and a Crawl-delay, a sitemap index with a gzipped
/// sitemap, an RSS feed, redirect chains and a loop, error pages (404, 500, 503 and 429 with Retry-After), a page
/// slower than the crawler's timeout, an oversized page, a gzip bomb, a wrong charset header, a windows-1258 page,
/// and one article reachable under several URLs.
/// </summary>
internal sealed class NewsSite
{
    private readonly List<(string Path, string Title, string[] Paragraphs)> _articles = [];

    public NewsSite(string crawlDelay = "0.15")
    {
        CrawlDelay = crawlDelay;
        var seeds = Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal).ToList();
        int n = 0;
        foreach (string seed in seeds)
        {
            string[] lines = File.ReadAllLines(seed).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            for (int variant = 0; variant < 2; variant++)
            {
                string title = variant == 0 ? lines[0] : lines[0] + " (tiếp theo)";
                string[] paragraphs = variant == 0 ? lines[1..] : lines[1..].Reverse().ToArray();
                _articles.Add(($"/tin/bai-{n++:D2}.html", title, paragraphs));
            }
        }
    }

    /// <summary>The robots.txt Crawl-delay, in seconds as written.</summary>
    public string CrawlDelay { get; }

    /// <summary>Paths of the article pages (each must be crawled exactly once).</summary>
    public IReadOnlyList<string> ArticlePaths => [.. _articles.Select(a => a.Path), "/tin/viet-1258.html", "/tin/sai-charset.html"];

    /// <summary>Every HTML page a correct crawl keeps (unique, allowed, reachable): home, section pages, articles.</summary>
    public IReadOnlyList<string> UniquePagePaths =>
        [.. ArticlePaths, "/", "/chinh-tri", "/chinh-tri?page=2", "/chinh-tri?page=3", "/xa-hoi", "/ban-tam.html", "/qua-tai.html"];

    /// <summary>The title of the windows-1258 page.</summary>
    public const string Windows1258Title = "Mặt trận Tổ quốc tỉnh Hà Giang phối hợp làm công tác dân vận";

    /// <summary>The title of the UTF-8 page whose header claims ISO-8859-1.</summary>
    public const string WrongCharsetTitle = "Hội nghị dân vận khéo của quận Thanh Xuân";

    /// <summary>Paths robots.txt disallows (never to be requested).</summary>
    public static IReadOnlyList<string> DisallowedPrefixes => ["/admin/", "/ban-in/"];

    /// <summary>Paths that serve the same article as <c>/tin/bai-00.html</c> under another URL.</summary>
    public static IReadOnlyList<string> DuplicatePaths => ["/tin/bai-00.html?ref=home", "/amp/bai-00.html", "/cu/bai-00.html"];

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DanVan.Analytics.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>Serves the site on <paramref name="server"/>.</summary>
    public void Serve(LocalServer server)
    {
        server.MapText("/robots.txt", $"""
            # Fixture robots.txt
            User-agent: *
            Disallow: /admin/
            Disallow: /ban-in/
            Crawl-delay: {CrawlDelay}

            User-agent: SomeOtherBot
            Disallow: /

            Sitemap: {server.Url("/sitemap_index.xml")}
            """, "text/plain");

        // Home: sections, a few articles, the disallowed section, redirects, errors and the awkward pages.
        var home = new StringBuilder("<html><head><title>Báo Dân vận điện tử</title>");
        home.Append("<link rel='alternate' type='application/rss+xml' href='/rss.xml'></head><body><h1>Trang chủ</h1><ul>");
        foreach (string link in new[] { "/chinh-tri", "/xa-hoi", "/admin/", "/admin/bai-mat.html", "/ban-in/bai-00.html", "/cu/bai-00.html", "/vong-1", "/khong-co.html", "/loi-may-chu.html", "/ban-tam.html", "/qua-tai.html", "/cham.html", "/qua-lon.html", "/bom.html", "/tin/viet-1258.html", "/tin/sai-charset.html", "/tin/bai-00.html?ref=home", "/tin/bai-00.html?utm_source=zalo&utm_medium=share", "/amp/bai-00.html", "https://ngoai-pham-vi.example/tin.html", "mailto:toasoan@example.vn" })
        {
            home.Append($"<li><a href='{WebUtility.HtmlEncode(link)}'>{WebUtility.HtmlEncode(link)}</a></li>");
        }

        home.Append($"<li><a href='{_articles[0].Path}#binh-luan'>{_articles[0].Title}</a></li></ul></body></html>");
        server.MapText("/", home.ToString());

        // Sections with pagination: articles 0-5 in chinh-tri (3 pages), 6-7 in xa-hoi; 8 is only in the sitemap, 9 only in RSS.
        ServeSection(server, "/chinh-tri", [.. Enumerable.Range(0, 6)]);
        ServeSection(server, "/xa-hoi", [6, 7]);

        for (int i = 0; i < _articles.Count; i++)
        {
            var (path, title, paragraphs) = _articles[i];
            string page = ArticleHtml(server.Url(path).AbsoluteUri, title, paragraphs);
            server.MapText(path, page);
            if (i == 0)
            {
                server.MapText("/amp/bai-00.html", page.Replace("<body>", "<body><p>AMP</p>", StringComparison.Ordinal));
            }
        }

        // The amp page above differs in bytes but names bai-00 as canonical; ?ref=home serves identical bytes.
        server.MapRedirect("/cu/bai-00.html", "/chuyen/bai-00.html", 301);
        server.MapRedirect("/chuyen/bai-00.html", _articles[0].Path, 302);
        server.MapRedirect("/vong-1", "/vong-2", 302);
        server.MapRedirect("/vong-2", "/vong-1", 302);
        server.MapText("/loi-may-chu.html", "lỗi", status: 500);
        ServeOnceThenOk(server, "/ban-tam.html", 503, "1", ArticleHtml(server.Url("/ban-tam.html").AbsoluteUri, "Trang bận", ["Máy chủ đã sẵn sàng trở lại."]));
        ServeOnceThenOk(server, "/qua-tai.html", 429, DateTimeOffset.UtcNow.AddSeconds(-5).ToString("R"), ArticleHtml(server.Url("/qua-tai.html").AbsoluteUri, "Quá tải", ["Đã hết quá tải."]));
        server.Map("/cham.html", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
            await context.Response.WriteAsync("quá muộn");
        });
        server.Map("/qua-lon.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            for (int i = 0; i < 40; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        byte[] bomb = Fetching.PageFetcherTests.GzipZeros(64L * 1024 * 1024);
        server.Map("/bom.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        });

        // A windows-1258 page (decomposed tone marks, as that code page writes them) and a UTF-8 page labelled latin-1.
        var cp1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        string vietHtml = ArticleHtml(server.Url("/tin/viet-1258.html").AbsoluteUri, Windows1258Title, _articles[2].Paragraphs);
        byte[] vietBytes = cp1258.GetBytes(ToWindows1258Form(vietHtml));
        server.Map("/tin/viet-1258.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=windows-1258";
            await context.Response.Body.WriteAsync(vietBytes);
        });
        byte[] wrongCharset = Encoding.UTF8.GetBytes(ArticleHtml(server.Url("/tin/sai-charset.html").AbsoluteUri, WrongCharsetTitle, _articles[4].Paragraphs));
        server.Map("/tin/sai-charset.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=iso-8859-1";
            await context.Response.Body.WriteAsync(wrongCharset);
        });

        // Sitemap index → gzipped sitemap (article 8 is only here), and RSS (article 9 is only there).
        server.MapText("/sitemap_index.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{server.Url("/sitemap-tin.xml.gz")}</loc></sitemap>
            </sitemapindex>
            """, "application/xml");
        string sitemap = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{server.Url(_articles[8].Path)}</loc></url>
              <url><loc>{server.Url(_articles[1].Path)}</loc></url>
              <url><loc>{server.Url("/admin/bai-trong-sitemap.html")}</loc></url>
            </urlset>
            """;
        byte[] sitemapGz = Gzip(Encoding.UTF8.GetBytes(sitemap));
        server.Map("/sitemap-tin.xml.gz", async context =>
        {
            context.Response.ContentType = "application/x-gzip";
            await context.Response.Body.WriteAsync(sitemapGz);
        });
        server.MapText("/rss.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Dân vận</title><link>{server.Url("/")}</link>
              <item><title>{WebUtility.HtmlEncode(_articles[9].Title)}</title><link>{server.Url(_articles[9].Path)}</link></item>
            </channel></rss>
            """, "application/rss+xml; charset=utf-8");
    }

    private void ServeSection(LocalServer server, string path, int[] articles)
    {
        const int perPage = 2;
        int pages = (articles.Length + perPage - 1) / perPage;
        for (int p = 1; p <= pages; p++)
        {
            var html = new StringBuilder($"<html><head><title>Chuyên mục {path}</title></head><body><ul>");
            foreach (int i in articles.Skip((p - 1) * perPage).Take(perPage))
            {
                html.Append($"<li><a href='{_articles[i].Path}'>{WebUtility.HtmlEncode(_articles[i].Title)}</a></li>");
            }

            html.Append("</ul>");
            if (p < pages)
            {
                html.Append($"<a rel='next' href='{path}?page={p + 1}'>Trang sau</a>");
            }

            html.Append("</body></html>");
            server.MapText(p == 1 ? path : $"{path}?page={p}", html.ToString());
        }
    }

    private static void ServeOnceThenOk(LocalServer server, string path, int status, string retryAfter, string page)
    {
        int calls = 0;
        server.Map(path, async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = status;
                context.Response.Headers.RetryAfter = retryAfter;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(page);
        });
    }

    internal static string ArticleHtml(string url, string title, string[] paragraphs)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{WebUtility.HtmlEncode(title)} - Báo Dân vận</title>");
        html.Append($"<link rel='canonical' href='{url}'><meta property='og:type' content='article'></head><body>");
        html.Append($"<article><h1>{WebUtility.HtmlEncode(title)}</h1>");
        foreach (string paragraph in paragraphs)
        {
            html.Append($"<p>{WebUtility.HtmlEncode(paragraph)}</p>");
        }

        html.Append("</article><a href='/'>Trang chủ</a></body></html>");
        return html.ToString();
    }

    /// <summary>
    /// Writes Vietnamese the way windows-1258 holds it: base letters with their shape marks precomposed (â ă ê ô ơ ư đ)
    /// and the five tone marks as separate combining characters.
    /// </summary>
    private static string ToWindows1258Form(string text)
    {
        var result = new StringBuilder(text.Length + 64);
        string decomposed = text.Normalize(NormalizationForm.FormD);
        int i = 0;
        while (i < decomposed.Length)
        {
            var cluster = new StringBuilder().Append(decomposed[i++]);
            var tones = new StringBuilder();
            while (i < decomposed.Length && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                char mark = decomposed[i++];
                (mark is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323' ? tones : cluster).Append(mark);
            }

            result.Append(cluster.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        }

        return result.ToString();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
