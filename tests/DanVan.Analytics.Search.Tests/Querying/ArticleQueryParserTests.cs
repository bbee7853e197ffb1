using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Search.Querying;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Tests.Querying;

public sealed class ArticleQueryParserTests
{
    private readonly ArticleQueryParser _parser = new();

    [Theory]
    [InlineData("dân vận \"khéo", 8)]
    [InlineData("\"", 0)]
    [InlineData("official:\"Nguyễn Doãn", 9)]
    public void Parse_UnclosedQuote_PointsAtTheOpeningQuote(string query, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(query));
        Assert.Equal(position, e.Position);
        Assert.Equal('"', query[e.Position]);
    }

    [Theory]
    [InlineData("dân vận doc:", 12)]
    [InlineData("site: baomoi.com", 5)]
    [InlineData("official:\"  \"", 9)]
    public void Parse_FilterWithoutValue_PointsAtTheMissingValue(string query, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(query));
        Assert.Equal(position, e.Position);
    }

    [Theory]
    [InlineData("from:2021-13", 5)]
    [InlineData("x to:2021-02-30", 5)]
    [InlineData("from:21", 5)]
    [InlineData("from:2021/03", 5)]
    [InlineData("to:abcd", 3)]
    public void Parse_BadDate_PointsAtTheDate(string query, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(query));
        Assert.Equal(position, e.Position);
    }

    [Fact]
    public void Parse_ExcludedDateFilter_IsAnErrorAtTheClause()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _parser.Parse("dân vận -from:2021"));
        Assert.Equal(8, e.Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    public void Parse_NothingToSearchFor_MatchesEverything(string query)
    {
        ParsedQuery parsed = _parser.Parse(query);
        Assert.False(parsed.HasTextClauses);
        Assert.Contains(((BooleanQuery)parsed.Query).Clauses, c => c.Query is MatchAllDocsQuery);
    }

    [Fact]
    public void Parse_TermsWithAndWithoutDiacritics_ShareTheirFoldedForms()
    {
        ParsedQuery accented = _parser.Parse("Dân vận khéo");
        ParsedQuery plain = _parser.Parse("dan van kheo");

        Assert.Equal(["dân", "khéo", "vận"], accented.AccentedTerms.Order(StringComparer.Ordinal));
        Assert.Equal(["dan", "kheo", "van"], plain.AccentedTerms.Order(StringComparer.Ordinal));
        Assert.Equal(accented.FoldedTerms.Order(StringComparer.Ordinal), plain.FoldedTerms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_ExcludedTerms_AreNotHighlighted()
    {
        ParsedQuery parsed = _parser.Parse("dân vận -khéo");
        Assert.DoesNotContain("kheo", parsed.FoldedTerms);
        Assert.Contains(((BooleanQuery)parsed.Query).Clauses, c => c.Occur == Occur.MUST_NOT);
    }

    [Fact]
    public void Parse_UnknownFieldName_IsSearchedAsText()
    {
        ParsedQuery parsed = _parser.Parse("lúc 10:30");
        Assert.Contains("10", parsed.AccentedTerms);
        Assert.Contains("30", parsed.AccentedTerms);
    }

    [Fact]
    public void Parse_TenThousandCharacters_UsesTheFirstTermsAndSaysSo()
    {
        string query = string.Concat(Enumerable.Repeat("dân vận khéo ", 800))[..10_000];

        ParsedQuery parsed = _parser.Parse(query);

        Assert.Single(parsed.Notices);
        Assert.Equal(ArticleQueryParser.MaxTerms, ((BooleanQuery)parsed.Query).Clauses.Count(c => c.Occur == Occur.MUST));
    }

    [Fact]
    public void Parse_RandomInput_ThrowsNothingButQuerySyntaxException()
    {
        const string Alphabet = "dânvậnkhéo \"-:docfficialsitefromto2021-03/NQTƯ\t\n\u0301";
        var random = new Random(7);
        for (int round = 0; round < 2000; round++)
        {
            string query = RandomText.Next(random, Alphabet, 40);
            try
            {
                Assert.NotNull(_parser.Parse(query).Query);
            }
            catch (QuerySyntaxException e)
            {
                Assert.InRange(e.Position, 0, Math.Max(0, query.Length));
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    [Theory]
    [InlineData("relevant:maybe", 9)]
    [InlineData("dân vận relevant:", 17)]
    [InlineData("topic:___", 6)]
    public void Parse_BadRelevanceOrTopicFilter_PointsAtTheValue(string query, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _parser.Parse(query));
        Assert.Equal(position, e.Position);
    }

    [Theory]
    [InlineData("relevant:yes", "relevant:yes")]
    [InlineData("relevant:YES", "relevant:yes")]
    [InlineData("relevant:danvan", "relevant:yes")]
    [InlineData("relevant:no", "relevant:no")]
    [InlineData("relevant:other", "relevant:no")]
    [InlineData("topic:Dân-Vận-Khéo", "topic:dan_van_kheo")]
    [InlineData("topic:\"dan van  kheo\"", "topic:dan_van_kheo")]
    public void Parse_RelevanceAndTopicFilters_MatchTheStoredKeys(string query, string term)
    {
        Assert.Contains(term, _parser.Parse(query).Query.ToString(), StringComparison.Ordinal);
    }
}
