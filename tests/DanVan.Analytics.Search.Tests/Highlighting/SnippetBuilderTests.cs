using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Text;

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
}
