using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Tests.Urls;

public sealed class UrlCanonicalizerTests
{
    private static readonly UrlCanonicalizer Canonicalizer = UrlCanonicalizer.Default;

    [Theory]
    [InlineData("HTTP://Example.COM/Path", "http://example.com/Path")]
    [InlineData("http://example.com", "http://example.com/")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com:80/a", "https://example.com:80/a")]
    [InlineData("http://example.com/a#section-2", "http://example.com/a")]
    [InlineData("http://example.com/a/./b/../c", "http://example.com/a/c")]
    [InlineData("http://example.com/a/", "http://example.com/a/")]
    [InlineData("http://example.com./a", "http://example.com/a")]
    [InlineData("  http://example.com/a \n", "http://example.com/a")]
    [InlineData("http://exam\nple.com/a", "http://example.com/a")]
    [InlineData("http://user:secret@example.com/a", "http://example.com/a")]
    public void Canonicalize_SpellingVariants_GiveOneForm(string input, string expected)
    {
        Assert.Equal(expected, Canonicalizer.Canonicalize(input));
    }

    [Theory]
    [InlineData("http://example.com/a?utm_source=fb&id=7&utm_medium=social", "http://example.com/a?id=7")]
    [InlineData("http://example.com/a?fbclid=IwAR0x&gclid=Cj0", "http://example.com/a")]
    [InlineData("http://example.com/a?UTM_Campaign=x&b=2&a=1", "http://example.com/a?b=2&a=1")]
    [InlineData("http://example.com/a?zarsrc=30&gidzl=abc&p=3", "http://example.com/a?p=3")]
    [InlineData("http://example.com/a?", "http://example.com/a")]
    [InlineData("http://example.com/a?&&x=1&", "http://example.com/a?x=1")]
    [InlineData("http://example.com/a?utmost=1", "http://example.com/a?utmost=1")]
    public void Canonicalize_TrackingParameters_AreRemovedAndOrderKept(string input, string expected)
    {
        Assert.Equal(expected, Canonicalizer.Canonicalize(input));
    }

    [Theory]
    [InlineData("http://example.com/%7euser/%41bc", "http://example.com/~user/Abc")]
    [InlineData("http://example.com/a%2fb", "http://example.com/a%2Fb")]
    [InlineData("http://example.com/a%2Fb", "http://example.com/a%2Fb")]
    [InlineData("http://example.com/a b", "http://example.com/a%20b")]
    [InlineData("http://example.com/?q=a%2bb", "http://example.com/?q=a%2Bb")]
    public void Canonicalize_PercentEncoding_IsNormalized(string input, string expected)
    {
        Assert.Equal(expected, Canonicalizer.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_VietnamesePathAndQuery_AreUtf8PercentEncoded()
    {
        // "tin-tức" precomposed: ứ is U+1EE9, UTF-8 E1 BB A9.
        Assert.Equal("http://example.vn/tin-t%E1%BB%A9c?q=d%C3%A2n", Canonicalizer.Canonicalize("http://example.vn/tin-t\u1EE9c?q=d\u00E2n"));
    }

    [Fact]
    public void Canonicalize_IdnHost_BecomesPunycode()
    {
        // "báo.vn" with á U+00E1: punycode xn--bo-fka? Checked by hand against the IDNA algorithm: "bo" + delta for á.
        string? canonical = Canonicalizer.Canonicalize("http://B\u00C1O.vn/a");
        Assert.NotNull(canonical);
        Assert.StartsWith("http://xn--", canonical, StringComparison.Ordinal);
        Assert.Equal(canonical, Canonicalizer.Canonicalize("http://b\u00E1o.vn/a"));
        Assert.Equal(new Uri("http://b\u00E1o.vn/").IdnHost, new Uri(canonical).Host);
    }

    [Fact]
    public void Canonicalize_Ipv6Host_KeepsBracketsAndDropsZone()
    {
        Assert.Equal("http://[::1]:8080/a", Canonicalizer.Canonicalize("http://[0:0:0:0:0:0:0:1]:8080/a"));
    }

    [Theory]
    [InlineData("ftp://example.com/a")]
    [InlineData("mailto:ban@example.vn")]
    [InlineData("javascript:void(0)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/only")]
    [InlineData("")]
    [InlineData("http://")]
    [InlineData("not a url at all")]
    public void Canonicalize_NotAnHttpUrl_ReturnsNull(string input)
    {
        Assert.Null(Canonicalizer.Canonicalize(input));
        Assert.False(Canonicalizer.TryCanonicalize(input, out _));
    }

    [Theory]
    [InlineData("../b/c.html", "http://example.vn/b/c.html")]
    [InlineData("/chinh-tri?page=2#top", "http://example.vn/chinh-tri?page=2")]
    [InlineData("//cdn.example.vn/x", "http://cdn.example.vn/x")]
    [InlineData("?page=3", "http://example.vn/a/index.html?page=3")]
    [InlineData("https://other.vn/", "https://other.vn/")]
    public void TryCanonicalize_RelativeLink_ResolvesAgainstBase(string link, string expected)
    {
        var page = new Uri("http://example.vn/a/index.html");
        Assert.True(Canonicalizer.TryCanonicalize(page, link, out Uri? canonical));
        Assert.Equal(expected, canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_TooLong_ReturnsNull()
    {
        Assert.Null(Canonicalizer.Canonicalize("http://example.com/" + new string('a', 5000)));
    }

    [Fact]
    public void Canonicalize_CustomParameterList_RemovesOnlyThose()
    {
        var custom = new UrlCanonicalizer(new UrlCanonicalizerOptions { RemovedQueryParameters = ["ref", "src_*"] });
        Assert.Equal("http://a.vn/?utm_source=x&k=1", custom.Canonicalize("http://a.vn/?utm_source=x&ref=home&src_a=1&k=1"));
    }

    [Fact]
    public void Canonicalize_RandomInput_NeverThrowsAndIsIdempotent()
    {
        const string alphabet = "abcAZ09-._~%/?#&=:@[]!$'()*+,; \t\u00E1\u1EE9\u0111\uD83D\uDE00<>\"{}|\\^`";
        foreach (string random in RandomText.Strings(1258, alphabet, 5000, 40))
        {
            string input = "http://example.vn/" + random;
            string? once = Canonicalizer.Canonicalize(input);
            if (once is null)
            {
                continue;
            }

            Assert.Equal(once, Canonicalizer.Canonicalize(once));
            Assert.True(Canonicalizer.TryCanonicalize(once, out Uri? uri));
            Assert.Equal(once, uri.AbsoluteUri);
        }
    }
}
