using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Tests.Analysis;

public sealed class AnalyzedTokenStreamTests
{
    private const string Alphabet = "aăâeêoôơuưiyđĐÁÀẢÃẠàảãạÊỀỂ\u0301\u0300\u0323 \n\t.,;:-/\"'’“”()0123456789%ÐKkéÉ\u00A0\uD83D\uDE00\uD801\uDC00";

    public static TheoryData<DiacriticForms> Forms => [DiacriticForms.Accented, DiacriticForms.Folded, DiacriticForms.Both];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Stream_GivesWhatTheAnalyzerGives(DiacriticForms forms)
    {
        // The article index analyses title and body once and hands Lucene these streams instead of the analyzer:
        // the terms, positions, offsets and types must be the analyzer's, which the query side uses.
        var random = new Random(20261123);
        var texts = TestCorpus.All.SelectMany(a => new[] { a.Title, a.Body }).ToList();
        for (int round = 0; round < 300; round++)
        {
            texts.Add(RandomText.Next(random, Alphabet, 200));
        }

        using var analyzer = new VietnameseAnalyzer(forms);
        var analyzed = new AnalyzedText();
        using var stream = new AnalyzedTokenStream(forms);
        foreach (string text in texts)
        {
            analyzed.Analyze(text.AsMemory(), VietnameseNormalizer.Default, fold: forms != DiacriticForms.Accented, lower: forms != DiacriticForms.Folded);
            stream.SetText(analyzed);
            Assert.Equal(Terms(analyzer.GetTokenStream("body", text), dispose: true), Terms(stream, dispose: false));
        }
    }

    [Fact]
    public void Stream_DisposedAfterAValue_StartsOverOnTheNextOne()
    {
        var first = new AnalyzedText();
        var second = new AnalyzedText();
        first.Analyze("Dân vận khéo".AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
        second.Analyze("Đảng ủy".AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
        using var stream = new AnalyzedTokenStream(DiacriticForms.Folded);

        stream.SetText(first);
        Assert.Equal(["dan", "van", "kheo", "<end>"], Terms(stream, dispose: true).Select(t => t.Term));
        stream.SetText(second);
        Assert.Equal(["dang", "uy", "<end>"], Terms(stream, dispose: true).Select(t => t.Term));
        stream.SetText(first);
        Assert.Equal(["dan", "van", "kheo", "<end>"], Terms(stream, dispose: false).Select(t => t.Term));
    }

    private static List<(string Term, int Increment, int Start, int End, string Type)> Terms(TokenStream stream, bool dispose)
    {
        var (tokens, endOffset) = TokenStreams.Read(stream);
        tokens.Add(("<end>", 0, endOffset, endOffset, ""));
        if (dispose)
        {
            stream.Dispose();
        }

        return tokens;
    }
}
