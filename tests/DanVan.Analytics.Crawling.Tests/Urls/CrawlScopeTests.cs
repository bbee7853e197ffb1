using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Tests.Urls;

public sealed class CrawlScopeTests
{
    private static readonly Uri[] Seeds = [new("https://www.dangcongsan.vn/")];

    [Theory]
    [InlineData("https://www.dangcongsan.vn/a.html", ScopeDecision.InScope)]
    [InlineData("https://dangcongsan.vn/a.html", ScopeDecision.InScope)]
    [InlineData("https://m.dangcongsan.vn/a.html", ScopeDecision.InScope)]
    [InlineData("https://notdangcongsan.vn/a.html", ScopeDecision.HostNotAllowed)]
    [InlineData("https://dangcongsan.vn.evil.com/a.html", ScopeDecision.HostNotAllowed)]
    [InlineData("ftp://dangcongsan.vn/a", ScopeDecision.UnsupportedScheme)]
    public void Check_Host_AllowsSeedHostAndSubdomainsOnly(string url, ScopeDecision expected)
    {
        Assert.Equal(expected, new CrawlScope(Seeds).Check(new Uri(url), 1));
    }

    [Fact]
    public void Check_SubdomainsOff_AllowsOnlyTheSeedHostWithOrWithoutWww()
    {
        var scope = new CrawlScope(Seeds, new CrawlScopeOptions { IncludeSubdomains = false });
        Assert.Equal(ScopeDecision.InScope, scope.Check(new Uri("https://dangcongsan.vn/x"), 0));
        Assert.Equal(ScopeDecision.InScope, scope.Check(new Uri("https://www.dangcongsan.vn/x"), 0));
        Assert.Equal(ScopeDecision.HostNotAllowed, scope.Check(new Uri("https://m.dangcongsan.vn/x"), 0));
    }

    [Fact]
    public void Check_ExtraAllowedHost_IsInScope()
    {
        var scope = new CrawlScope(Seeds, new CrawlScopeOptions { AllowedHosts = ["static.dcs.vn"] });
        Assert.Equal(ScopeDecision.InScope, scope.Check(new Uri("https://static.dcs.vn/img/a.html"), 0));
    }

    [Fact]
    public void Check_Depth_IsLimited()
    {
        var scope = new CrawlScope(Seeds, new CrawlScopeOptions { MaxDepth = 2 });
        Assert.Equal(ScopeDecision.InScope, scope.Check(new Uri("https://dangcongsan.vn/a"), 2));
        Assert.Equal(ScopeDecision.TooDeep, scope.Check(new Uri("https://dangcongsan.vn/a"), 3));
    }

    [Fact]
    public void Check_IncludeAndExcludePatterns_FilterTheUrl()
    {
        var scope = new CrawlScope(Seeds, new CrawlScopeOptions
        {
            IncludePatterns = [@"/tin-tuc/", @"/dan-van/"],
            ExcludePatterns = [@"\.(jpg|png|pdf)$", @"[?&]print=1"],
        });
        Assert.Equal(ScopeDecision.InScope, scope.Check(new Uri("https://dangcongsan.vn/dan-van/a.html"), 1));
        Assert.Equal(ScopeDecision.NotIncluded, scope.Check(new Uri("https://dangcongsan.vn/the-thao/a.html"), 1));
        Assert.Equal(ScopeDecision.Excluded, scope.Check(new Uri("https://dangcongsan.vn/tin-tuc/a.jpg"), 1));
        Assert.Equal(ScopeDecision.Excluded, scope.Check(new Uri("https://dangcongsan.vn/tin-tuc/a.html?print=1"), 1));
    }

    [Fact]
    public void Constructor_InvalidPattern_ThrowsArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new CrawlScope(Seeds, new CrawlScopeOptions { ExcludePatterns = ["(unclosed"] }));
        Assert.Contains("(unclosed", e.Message, StringComparison.Ordinal);
    }
}
