using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Tests.Querying;

/// <summary>
/// Searches the test corpus and checks every answer against a count made independently: a scan of the
/// folded texts (split on anything that is not a letter or digit) or the hand-written facts.
/// </summary>
public sealed class RetrievalTests : IClassFixture<CorpusIndexFixture>
{
    private readonly ArticleIndex _index;

    public RetrievalTests(CorpusIndexFixture fixture)
    {
        _index = fixture.Index;
    }

    public static TheoryData<string> AccentedQueries() =>
    [
        "dân vận khéo",
        "Mặt trận Tổ quốc",
        "đồng bào dân tộc thiểu số",
        "biên phòng",
        "Hội Liên hiệp Phụ nữ",
        "quy chế dân chủ",
        "Thành ủy Hà Nội",
        "tôn giáo",
    ];

    [Theory]
    [MemberData(nameof(AccentedQueries))]
    public void Search_QueryWithAndWithoutDiacritics_FindsTheSameArticlesAsAScan(string query)
    {
        string plain = VietnameseFolder.Fold(query);
        string[] expected = Scan(article => ContainsAllTerms(article, plain));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(query));
        Assert.Equal(expected, Ids(plain));
    }

    [Theory]
    [InlineData("\"dân chủ ở cơ sở\"")]
    [InlineData("\"công tác dân vận\"")]
    public void Search_Phrase_FindsTheArticlesHoldingTheSyllablesInOrder(string query)
    {
        string[] phrase = FoldedTokens(query);
        string[] expected = Scan(article => ContainsSequence(FoldedTokens(article.Title), phrase) || ContainsSequence(FoldedTokens(article.Body), phrase));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(query));
        Assert.Equal(expected, Ids(VietnameseFolder.Fold(query)));
    }

    [Fact]
    public void Search_Exclusion_RemovesTheArticlesWithTheExcludedTerm()
    {
        string[] expected = Scan(a => ContainsAllTerms(a, "dan van") && !ContainsAllTerms(a, "kheo"));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids("dân vận -khéo"));
    }

    [Theory]
    [InlineData("doc:25-NQ/TW")]
    [InlineData("doc:25-NQ/TƯ")]
    [InlineData("doc:25-nq/tw")]
    [InlineData("doc:\"25 - NQ/TƯ\"")]
    public void Search_DocumentCodeInAnySpelling_FindsTheArticlesCitingIt(string query)
    {
        // Seeds 000 ("Nghị quyết 25-NQ/TƯ") and 001 ("Nghị quyết số 25"), per the hand-written facts.
        Assert.Equal(["000_71b46650ef2c0e7b.txt", "001_520578ac9f119650.txt"], Ids(query));
    }

    [Fact]
    public void Search_DocumentCodeWithoutDiacritics_FindsTheCodeWithĐ()
    {
        Assert.Equal(["001_520578ac9f119650.txt"], Ids("doc:218-QD/TW"));
    }

    [Theory]
    [InlineData("official:\"Nguyễn Doãn Toản\"")]
    [InlineData("official:\"nguyen doan toan\"")]
    [InlineData("official:\"Nguyễn  Doãn Toản\" ban dân vận")]
    public void Search_Official_FindsTheArticlesMentioningThem(string query)
    {
        Assert.Equal(["002_629f769f07b4a858.txt", "004_6a42a9c06acc8c6d.txt"], Ids(query));
    }

    [Fact]
    public void Search_SiteFilter_CountsAsTheUrlsSay()
    {
        int expected = TestCorpus.All.Count(a => new Uri(a.Url).Host is "vietnamnet.vn" or "www.vietnamnet.vn");

        Assert.True(expected > 1);
        Assert.Equal(expected, _index.Search(new SearchRequest("site:vietnamnet.vn") { Top = 100 }).TotalHits);
        Assert.Equal(expected, _index.Search(new SearchRequest("site:https://www.vietnamnet.vn/") { Top = 100 }).TotalHits);
    }

    [Theory]
    [InlineData("from:2025", 20250101, int.MaxValue)]
    [InlineData("to:2019", int.MinValue, 20191231)]
    [InlineData("from:2020-01 to:2023-12-31", 20200101, 20231231)]
    [InlineData("from:2025-11-12 to:2025-11-12", 20251112, 20251112)]
    public void Search_DateFilter_CountsAsTheDatesSay(string query, int first, int last)
    {
        int expected = TestCorpus.All.Count(a => a.Published is { } p && Day(p) >= first && Day(p) <= last);

        Assert.True(expected > 0);
        Assert.Equal(expected, _index.Search(new SearchRequest(query) { Top = 200 }).TotalHits);
    }

    [Fact]
    public void Search_EmptyQueryWithFacets_CountsYearsSitesDocumentsAndOfficialsOverTheCorpus()
    {
        SearchResults results = _index.Search(new SearchRequest("") { IncludeFacets = true, FacetTop = 1000 });
        IReadOnlyList<ArticleDocument> all = TestCorpus.All;

        Assert.Equal(all.Count, results.TotalHits);
        Assert.Equal(
            all.Where(a => a.Published is not null).GroupBy(a => a.Published!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()),
            results.Facets!.Years.ToDictionary(v => v.Value, v => v.Count));
        Assert.Equal(
            all.GroupBy(a => HostWithoutWww(a.Url)).ToDictionary(g => g.Key, g => g.Count()),
            results.Facets.Sites.ToDictionary(v => v.Value, v => v.Count));
        Assert.Equal(
            all.SelectMany(a => a.DocumentCodes).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()),
            results.Facets.DocumentCodes.ToDictionary(v => v.Value, v => v.Count));
        Assert.Equal(2, results.Facets.Officials.Single(v => v.Value == "Nguyễn Doãn Toản").Count);
    }

    [Fact]
    public void Search_FacetsOverAQuery_CountOnlyTheHits()
    {
        SearchResults results = _index.Search(new SearchRequest("dân vận from:2025") { IncludeFacets = true, FacetTop = 100 });
        int expected2025 = TestCorpus.All.Count(a => a.Published?.Year == 2025 && ContainsAllTerms(a, "dan van"));

        Assert.Equal(expected2025, results.Facets!.Years.Single(v => v.Value == "2025").Count);
        Assert.Equal(results.TotalHits, results.Facets.Years.Sum(v => v.Count));
    }

    [Fact]
    public void Search_Pages_ContinueWithoutOverlap()
    {
        SearchResults all = _index.Search(new SearchRequest("dân vận") { Top = 20 });
        SearchResults first = _index.Search(new SearchRequest("dân vận") { Top = 10 });
        SearchResults second = _index.Search(new SearchRequest("dân vận") { Top = 10, Skip = 10 });

        Assert.Equal(all.Hits.Select(h => h.Id), first.Hits.Concat(second.Hits).Select(h => h.Id));
    }

    [Fact]
    public void Search_SortByDate_PutsTheNewestFirstAndUndatedLast()
    {
        SearchResults results = _index.Search(new SearchRequest("dân vận") { Top = 200, Sort = SearchSort.Date });
        var dates = results.Hits.Select(h => h.Published?.UtcTicks ?? long.MinValue).ToList();

        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Null(results.Hits[^1].Published);
    }

    [Fact]
    public void Search_TenThousandCharacterQuery_AnswersWithANotice()
    {
        string query = string.Concat(Enumerable.Repeat("dân vận khéo ", 800))[..10_000];

        SearchResults results = _index.Search(query);

        Assert.Single(results.Notices);
        Assert.Equal(Scan(a => ContainsAllTerms(a, "dan van kheo")).Length, results.TotalHits);
    }

    private string[] Ids(string query) =>
        _index.Search(new SearchRequest(query) { Top = SearchRequest.MaxTop }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    private static string[] Scan(Func<ArticleDocument, bool> predicate) =>
        TestCorpus.All.Where(predicate).Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();

    private static bool ContainsAllTerms(ArticleDocument article, string foldedQuery)
    {
        var words = new HashSet<string>(FoldedTokens(article.Title).Concat(FoldedTokens(article.Body)), StringComparer.Ordinal);
        return foldedQuery.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(words.Contains);
    }

    private static string[] FoldedTokens(string text) =>
        VietnameseFolder.Fold(text.Normalize(System.Text.NormalizationForm.FormC).Replace('\u00D0', 'Đ'))
            .Split(c => !char.IsLetterOrDigit(c));

    private static bool ContainsSequence(string[] tokens, string[] sequence)
    {
        for (int start = 0; start + sequence.Length <= tokens.Length; start++)
        {
            if (tokens.AsSpan(start, sequence.Length).SequenceEqual(sequence))
            {
                return true;
            }
        }

        return false;
    }

    private static int Day(DateTimeOffset date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static string HostWithoutWww(string url)
    {
        string host = new Uri(url).Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}

internal static class StringSplitExtensions
{
    /// <summary>Splits at every character <paramref name="isSeparator"/> accepts, dropping empty parts.</summary>
    public static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int k = 0; k <= text.Length; k++)
        {
            if (k == text.Length || isSeparator(text[k]))
            {
                if (k > start)
                {
                    parts.Add(text[start..k]);
                }

                start = k + 1;
            }
        }

        return parts.ToArray();
    }
}
