using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Schema;
using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Tests.Highlighting;

public sealed class SnippetBuilderTests
{
    private readonly ArticleQueryParser _parser = new();
    private readonly SnippetBuilder _builder = new();

    [Fact]
    public void FindMatches_QueryWithoutDiacritics_HighlightsTheAccentedWords()
    {
        const string Title = "Đẩy mạnh phong trào “Dân vận khéo” ở cơ sở";

        IReadOnlyList<TextSpan> spans = _builder.FindMatches(Title, _parser.Parse("dan van kheo"));

        Assert.Equal(["Dân", "vận", "khéo"], spans.Select(s => Title.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void FindMatches_NfdText_SpansCoverTheOriginalCharacters()
    {
        string text = "Công tác dân vận".Normalize(System.Text.NormalizationForm.FormD);

        TextSpan span = Assert.Single(_builder.FindMatches(text, _parser.Parse("dân")));

        Assert.Equal("dân", text.Substring(span.Start, span.Length).Normalize(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Build_LongText_PicksTheWindowWithTheMostDistinctTerms()
    {
        string filler = string.Concat(Enumerable.Repeat("Hôm nay trời nắng đẹp và mọi người đi làm. ", 20));
        string text = "Nói về dân vận. " + filler + "Phong trào dân vận khéo lan tỏa. " + filler;

        Snippet snippet = Assert.Single(_builder.Build(text, _parser.Parse("dân vận khéo"), length: 120));

        Assert.Contains("«dân» «vận» «khéo»", snippet.Mark(), StringComparison.Ordinal);
        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.InRange(snippet.Text.Length, 60, 125);
    }

    [Fact]
    public void Build_QueryWithDiacritics_PrefersTheWindowWithTheExactAccent()
    {
        string filler = string.Concat(Enumerable.Repeat("Hôm nay trời nắng đẹp. ", 10));
        string text = "Mọi việc dần vẫn như cũ. " + filler + "Công tác dân vận được chú trọng. " + filler;

        Snippet snippet = Assert.Single(_builder.Build(text, _parser.Parse("dân vận"), length: 60));

        Assert.Contains("«dân» «vận»", snippet.Mark(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HighlightSpans_PointAtMatchingWordsInTheSnippetText()
    {
        const string Text = "Ban Dân vận\n\nTỉnh ủy   tổ chức hội nghị   dân vận khéo.";

        Snippet snippet = Assert.Single(_builder.Build(Text, _parser.Parse("dân vận"), length: 200));

        Assert.Equal("Ban Dân vận Tỉnh ủy tổ chức hội nghị dân vận khéo.", snippet.Text);
        Assert.Equal(["Dân", "vận", "dân", "vận"], snippet.Highlights.Select(s => snippet.Text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Build_NoMatch_ReturnsTheBeginningWithoutHighlights()
    {
        Snippet snippet = Assert.Single(_builder.Build("Một bài báo về thời tiết.", _parser.Parse("dân vận")));

        Assert.Equal("Một bài báo về thời tiết.", snippet.Text);
        Assert.Empty(snippet.Highlights);
    }

    [Fact]
    public void Build_TwoSnippets_DoNotOverlap()
    {
        string filler = string.Concat(Enumerable.Repeat("Hôm nay trời nắng đẹp. ", 20));
        string text = "Dân vận ở đầu bài. " + filler + "Dân vận ở cuối bài.";

        IReadOnlyList<Snippet> snippets = _builder.Build(text, _parser.Parse("dân vận"), length: 60, maxSnippets: 2);

        Assert.Equal(2, snippets.Count);
        Assert.All(snippets, s => Assert.Equal(2, s.Highlights.Count));
        Assert.NotEqual(snippets[0].Text, snippets[1].Text);
    }

    [Fact]
    public void FindMatches_FindsTheWordsTheIndexAnalyzerMatches_OnTheCorpusAndRandomText()
    {
        // The builder runs the text core itself; the reference is the index's own analyzer (both forms).
        var random = new Random(3);
        const string Alphabet = "aăâeêioôơuưyđAĂÂĐÊÔƠƯáàảãạấầẩẫậÁÀẢẠẤỆỘỪ\u0301\u0300\u0323 .,-/:0123456789NQTWCPHK\u00A0\n";
        var texts = TestCorpus.All.SelectMany(a => new[] { a.Title, a.Body })
            .Concat(Enumerable.Range(0, 300).Select(_ => RandomText.Next(random, Alphabet, 200)))
            .Append("Nghị quyết 25-NQ/TƯ ngày 3/6/2013, UBND TP.HCM, DÂN VẬN KHÉO, Dân vận, dan van, www.dangcongsan.vn");
        int checkedMatches = 0;
        foreach (string text in texts)
        {
            List<(string Accented, string? Folded, TextSpan Span)> words = AnalyzedWords(text);
            for (int q = 0; q < 3 && words.Count > 0; q++)
            {
                // A query of one to three words of the text, with or without their diacritics.
                string queryText = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Count)]).Select(w => random.Next(2) == 0 ? w.Accented : w.Folded ?? w.Accented));
                ParsedQuery query = _parser.Parse(queryText.Replace("\"", "", StringComparison.Ordinal).Replace(":", " ", StringComparison.Ordinal).TrimStart('-'));
                (TextSpan, bool)[] expected = words
                    .Where(w => query.FoldedTerms.Contains(w.Accented) || (w.Folded is not null && query.FoldedTerms.Contains(w.Folded)))
                    .Select(w => (w.Span, query.AccentedTerms.Contains(w.Accented))).ToArray();

                Assert.Equal(expected, _builder.Matches(text, query).Select(m => (m.Span, m.Exact)));
                Assert.Equal(expected.Select(e => e.Item1), _builder.FindMatches(text, query));
                checkedMatches += expected.Length;
            }
        }

        Assert.True(checkedMatches > 1000, $"only {checkedMatches} matches checked");
    }

    /// <summary>The words of <paramref name="text"/> as the index analyzes them: accented term, folded twin when it differs, offsets.</summary>
    private static List<(string Accented, string? Folded, TextSpan Span)> AnalyzedWords(string text)
    {
        var words = new List<(string Accented, string? Folded, TextSpan Span)>();
        using var analyzer = new VietnameseAnalyzer(DiacriticForms.Both);
        using TokenStream stream = analyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement == 0)
            {
                words[^1] = words[^1] with { Folded = term.ToString() };
            }
            else
            {
                words.Add((term.ToString(), null, new TextSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset)));
            }
        }

        stream.End();
        return words;
    }
}
