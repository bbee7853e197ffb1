using DanVan.Analytics.Crawling.Robots;

namespace DanVan.Analytics.Crawling.Tests.Robots;

public sealed class RobotsTxtTests
{
    private const string Bot = "DanVanBot/0.1 (+https://example.org/bot)";

    [Theory]
    [InlineData("/", true)]
    [InlineData("/tin-tuc/a.html", true)]
    [InlineData("/admin", false)]
    [InlineData("/admin/users", false)]
    [InlineData("/administrator", false)]
    [InlineData("/admin/public/x", true)]
    [InlineData("/search?q=dan+van", false)]
    [InlineData("/search", true)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?v=2", true)]
    [InlineData("/files/report.html", true)]
    [InlineData("/robots.txt", true)]
    public void IsAllowed_WildcardsAnchorsAndLongestMatch(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /admin
            Allow: /admin/public/
            Disallow: /search?
            Disallow: /*.pdf$
            Disallow: /robots.txt
            """);
        Assert.Equal(expected, robots.IsAllowed(path, Bot));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/?page=2", false)]
    [InlineData("/chinh-tri", true)]
    [InlineData("/chinh-tri?page=2", true)]
    public void IsAllowed_DisallowSlashQuestionMark_BlocksOnlyTheRootWithAQuery(string path, bool expected)
    {
        Assert.Equal(expected, RobotsTxt.Parse("User-agent: *\nDisallow: /?\n").IsAllowed(path, Bot));
    }

    [Fact]
    public void IsAllowed_EqualLengthAllowAndDisallow_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");
        Assert.True(robots.IsAllowed("/page", Bot));
    }

    [Fact]
    public void IsAllowed_LongerDisallow_BeatsShorterAllow()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nAllow: /a\nDisallow: /a/b\n");
        Assert.False(robots.IsAllowed("/a/b/c", Bot));
        Assert.True(robots.IsAllowed("/a/c", Bot));
    }

    [Fact]
    public void IsAllowed_SpecificGroup_ReplacesTheStarGroup()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: danvanbot
            Disallow: /private/
            """);
        Assert.True(robots.IsAllowed("/tin-tuc/a.html", Bot));
        Assert.False(robots.IsAllowed("/private/x", Bot));
        Assert.False(robots.IsAllowed("/tin-tuc/a.html", "OtherBot/2.0"));
    }

    [Fact]
    public void IsAllowed_GroupsForTheSameAgent_AreCombined()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: DanVanBot
            Disallow: /a/

            User-agent: Googlebot
            Disallow: /

            User-agent: DanVanBot
            Disallow: /b/
            """);
        Assert.False(robots.IsAllowed("/a/1", Bot));
        Assert.False(robots.IsAllowed("/b/1", Bot));
        Assert.True(robots.IsAllowed("/c/1", Bot));
    }

    [Fact]
    public void IsAllowed_ConsecutiveUserAgentLines_ShareOneGroup()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nUser-agent: DanVanBot\nDisallow: /x\n");
        Assert.False(robots.IsAllowed("/x", Bot));
        Assert.False(robots.IsAllowed("/x", "Googlebot"));
        Assert.True(robots.IsAllowed("/x", "Bingbot"));
    }

    [Fact]
    public void IsAllowed_RulesBeforeAnyUserAgent_AreIgnored()
    {
        Assert.True(RobotsTxt.Parse("Disallow: /\nUser-agent: *\nDisallow: /x\n").IsAllowed("/y", Bot));
    }

    [Fact]
    public void IsAllowed_EmptyDisallow_AllowsEverything()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n").IsAllowed("/anything", Bot));
    }

    [Fact]
    public void IsAllowed_NonAsciiRule_MatchesThePercentEncodedPath()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /tin-t\u1EE9c/\n");
        Assert.False(robots.IsAllowed("/tin-t%E1%BB%A9c/a.html", Bot));
        Assert.False(robots.IsAllowed("/tin-t%e1%bb%a9c/a.html", Bot));
        Assert.True(robots.IsAllowed("/tin-tuc/a.html", Bot));
    }

    [Fact]
    public void Parse_CommentsCaseAndLineEndings_AreHandled()
    {
        var robots = RobotsTxt.Parse("\uFEFFuser-AGENT : * # everyone\r\nDISALLOW:/x # no x\rallow: /x/y\r\nSitemap: https://a.vn/sitemap.xml\n");
        Assert.False(robots.IsAllowed("/x/z", Bot));
        Assert.True(robots.IsAllowed("/x/y", Bot));
        Assert.Equal(["https://a.vn/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void CrawlDelay_IsReadPerGroup()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 2.5\n\nUser-agent: FastBot\nCrawl-delay: 0\n");
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay(Bot));
        Assert.Equal(TimeSpan.Zero, robots.CrawlDelay("FastBot"));
        Assert.Null(RobotsTxt.Parse("User-agent: *\nCrawl-delay: soon\n").CrawlDelay(Bot));
    }

    [Fact]
    public void AllowAllAndDisallowAll_DoWhatTheySay()
    {
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/x", Bot));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/x", Bot));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed("/robots.txt", Bot));
    }

    [Fact]
    public void Matches_ManyStars_StaysFastAndCorrect()
    {
        string pattern = "/" + string.Concat(Enumerable.Repeat("a*", 200)) + "b$";
        string path = "/" + new string('a', 10_000);
        Assert.False(RobotsTxt.Matches(pattern, path));
        Assert.True(RobotsTxt.Matches(pattern, path + "b"));
        Assert.True(RobotsTxt.Matches("/*/x*y$", "/a/b/xzzy"));
        Assert.False(RobotsTxt.Matches("/*/x*y$", "/a/b/xzzyz"));
    }

    [Fact]
    public void Parse_RandomGarbage_NeverThrows()
    {
        const string alphabet = "UserAgntDisalowCrw-dy:*$/?#\r\n \t\u0000\uFFFF\u1EE9%ab";
        foreach (string text in RandomText.Strings(9309, alphabet, 2000, 300))
        {
            var robots = RobotsTxt.Parse(text);
            _ = robots.IsAllowed("/a/b?c", Bot);
            _ = robots.CrawlDelay(Bot);
        }
    }

    [Fact]
    public void Parse_HugeFile_IsCutAtTheLimit()
    {
        string body = "User-agent: *\n" + string.Concat(Enumerable.Repeat("Allow: /ok\n", 60_000)) + "Disallow: /late\n";
        Assert.True(body.Length > RobotsTxt.MaxLength);
        Assert.True(RobotsTxt.Parse(body).IsAllowed("/late", Bot));
    }
}
