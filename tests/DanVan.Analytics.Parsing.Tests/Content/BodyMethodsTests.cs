using AngleSharp.Html.Parser;
using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Parsing.Tables;

namespace DanVan.Analytics.Parsing.Tests.Content;

/// <summary>The text-density method, the choice between the two body methods, and the JSON-LD articleBody check.</summary>
public sealed class BodyMethodsTests
{
    private static readonly string[] Article =
    [
        "The council met on Tuesday evening to decide what should be done with the old railway station, which has been empty for more than ten years and is now in such a poor state that parts of the roof have fallen in.",
        "Most of the members said that they would like to see it used again as a place where people from the town can meet, and they asked the mayor to look for money from the region before the end of this year.",
        "The mayor told them that the work could begin in the spring if the region agrees to pay for half of it, and that the rest would have to come from the town's own budget, which is already very tight.",
    ];

    // A one-line promo in a container whose class says "content" outweighs, for the Readability-like scorer,
    // three long paragraphs in a plain wrapper.
    private const string Promo = "Sign up, get alerts, offers, deals, coupons, prizes, more, now";

    private static string Page(string article, string head = "") =>
        $"<html lang=\"en\"><head><title>Station</title>{head}</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" +
        $"<div><div class=\"story-content\"><p>{Promo}</p></div></div><section><div class=\"wrapper\">{article}</div></section>" +
        "<footer><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy</a></footer></body></html>";

    private static string Paragraphs(IEnumerable<string> texts) => string.Concat(texts.Select(t => $"<p>{t}</p>"));

    [Fact]
    public void Parse_ScorerPicksAShortPromoOverLongProse_TheDensityMethodsProseIsTheBody()
    {
        Article article = new ArticleParser().Parse(Page(Paragraphs(Article)));

        Assert.Equal(Article, article.Paragraphs);
    }

    [Fact]
    public void Parse_VisibleBodyMissingAndArticleBodyLong_BodyIsTheArticleBodyWithAWarning()
    {
        string json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Station\",\"articleBody\":\"" + string.Join("\\n", Article) + "\"}";
        string html = "<html lang=\"en\"><head><title>Station</title><script type=\"application/ld+json\">" + json + "</script></head>" +
                      "<body><div id=\"app\"><p>Please enable JavaScript to read this page.</p></div></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(Article, article.Paragraphs);
        Assert.Contains(article.Warnings, w => w.Code == ParseWarningCode.BodyFromMetadata);
    }

    [Fact]
    public void Parse_ArticleBodyCoveredByTheVisibleText_BodyIsThePagesOwnWithoutWarning()
    {
        string json = "{\"@type\":\"NewsArticle\",\"headline\":\"Station\",\"articleBody\":\"" + string.Join(" ", Article) + "\"}";
        string html = "<html lang=\"en\"><head><title>Station</title><script type=\"application/ld+json\">" + json + "</script></head>" +
                      "<body><article>" + Paragraphs(Article) + "</article><footer>Copyright, all rights reserved.</footer></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(Article, article.Paragraphs);
        Assert.DoesNotContain(article.Warnings, w => w.Code == ParseWarningCode.BodyFromMetadata);
    }

    [Fact]
    public void Parse_NoStopWordLanguage_ArticleBodyPicksTheBlocksThatMatchIt()
    {
        // Words of no language in the stop-word table: the density method keeps nothing, so only the articleBody
        // can overrule the scorer's promo.
        string[] invented =
        [
            "Kalu meni taro vesh amo lindu paro sefi kanu molo; rasti benu aro fila, temo sura kivi daro leno.",
            "Soro pilu mane vasi toka relu dima sano ferit polu, kaso miru tali veno saru pelo nimo kadi rosa lumi.",
            "Neto saku rami folu deni kara situ mova lepa turo, gani poro sela vuma kiro deto lasa niru pema tosi.",
        ];
        string json = "{\"@type\":\"Article\",\"headline\":\"Kalu\",\"articleBody\":\"" + string.Join(" ", invented) + "\"}";
        string html = Page(Paragraphs(invented), "<script type=\"application/ld+json\">" + json + "</script>").Replace("lang=\"en\"", string.Empty, StringComparison.Ordinal);

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(invented, article.Paragraphs);
    }

    [Fact]
    public void Parse_HeadingOverAListOfLinksAfterTheArticle_IsDroppedWithTheList()
    {
        string html = "<html lang=\"en\"><head><title>Station</title></head><body><article>" + Paragraphs(Article) +
                      "<h3>More on this</h3><ul><li><a href=\"/a\">Town budget approved for the coming year</a></li><li><a href=\"/b\">Region promises money for old buildings</a></li></ul>" +
                      "</article></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(Article, article.Paragraphs);
    }

    [Fact]
    public void Parse_PhotoCreditLinesBetweenParagraphs_AreCaptionsNotBody()
    {
        string html = "<html lang=\"en\"><head><title>Station</title></head><body><article>" +
                      $"<p>{Article[0]}</p><p>The old hall seen from the square. (Photo: Jane Smith)</p><p>{Article[1]}</p><p>© Town Archive | John Doe</p><p>{Article[2]}</p>" +
                      "</article></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(Article, article.Paragraphs);
        Assert.Equal(["The old hall seen from the square. (Photo: Jane Smith)", "© Town Archive | John Doe"], article.Captions.Select(c => c.Text));
    }

    [Fact]
    public void Parse_ShortCallsToActionClosingTheArticle_AreDroppedButNotInsideIt()
    {
        const string inside = "The council will also send a newsletter to every household.";
        string html = "<html lang=\"en\"><head><title>Station</title></head><body><article>" +
                      $"<p>{Article[0]}</p><p>{inside}</p><p>{Article[1]}</p><p>{Article[2]}</p>" +
                      "<p>Never miss a story: sign up for our daily newsletter.</p><p>Follow us on every network and get the app.</p>" +
                      "</article></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal([Article[0], inside, Article[1], Article[2]], article.Paragraphs);
    }

    [Fact]
    public void Parse_AuthorBoxWithABioInsideTheArticle_IsNotBody()
    {
        string html = "<html lang=\"en\"><head><title>Station</title></head><body><article>" + Paragraphs(Article) +
                      "<div class=\"author-description\"><p>Jane Smith has written about local politics for this paper since 2010 and before that covered the regional council for a radio station in the north.</p></div>" +
                      "</article></body></html>";

        Article article = new ArticleParser().Parse(html);

        Assert.Equal(Article, article.Paragraphs);
    }

    [Fact]
    public void Classify_ProseLinksAndAShortHeadingBetweenProse_AreClassedByDensityAndContext()
    {
        string html = "<html><body><ul><li><a href=\"/1\">Home</a></li><li><a href=\"/2\">Sport</a></li><li><a href=\"/3\">Weather</a></li></ul>" +
                      $"<p>{Article[0]}</p><h2>Next steps</h2><p>{Article[1]}</p><p>{Article[2]}</p>" +
                      "<p>Tags: station, council, budget, region, mayor, town, spring, money</p></body></html>";
        var document = new HtmlParser().ParseDocument(html);
        PageModel model = PageWalker.Walk(document.DocumentElement, new ClassHintCache(), CancellationToken.None);

        DensityVerdict verdict = TextDensityClassifier.Classify(model, language: null, StopWordTable.Default);

        string[] good = [.. model.Blocks.Where((_, i) => verdict.Good[i]).Select(b => b.Text)];
        Assert.True(verdict.HasLanguage);
        Assert.Equal([Article[0], "Next steps", Article[1], Article[2]], good);
    }

    [Fact]
    public void StopWordTable_WordOfTwoLanguages_HasBothBitsAndRegionCodesResolve()
    {
        StopWordTable table = StopWordTable.Parse(new StringReader("# comment\nde\tdie\nen\tthe\nnl\tdie\nbad line\n"));

        Assert.Equal(["de", "en", "nl"], table.Languages);
        Assert.Equal((1u << 0) | (1u << 2), table.LanguagesOf("die"));
        Assert.Equal(0u, table.LanguagesOf("der"));
        Assert.Equal(1, table.IndexOf("en-GB"));
        Assert.Equal(-1, table.IndexOf("vi"));
        Assert.True(StopWordTable.Default.IndexOf("vi") >= 0);
    }
}
