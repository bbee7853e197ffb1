using System.Text;
using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Tests.Analysis;

public sealed class VietnameseAnalyzerTests
{
    private const string DangUyNfc = "Đảng ủy Thành phố";
    private static readonly string s_dangUyNfd = DangUyNfc.Normalize(NormalizationForm.FormD);

    [Fact]
    public void Analyze_AccentedForm_KeepsDiacriticsInLowerCase()
    {
        Assert.Equal(["đảng", "ủy", "thành", "phố"], Terms(new VietnameseAnalyzer(DiacriticForms.Accented), DangUyNfc).Select(t => t.Term));
    }

    [Fact]
    public void Analyze_FoldedForm_DropsDiacritics()
    {
        Assert.Equal(["dang", "uy", "thanh", "pho"], Terms(new VietnameseAnalyzer(DiacriticForms.Folded), DangUyNfc).Select(t => t.Term));
    }

    [Fact]
    public void Analyze_BothForms_PutsTheFoldedTwinAtTheSamePositionAndOffsets()
    {
        var terms = Terms(new VietnameseAnalyzer(DiacriticForms.Both), "Đảng và dân online").Select(t => (t.Term, t.Increment, t.Start, t.End));

        Assert.Equal(
            [("đảng", 1, 0, 4), ("dang", 0, 0, 4), ("và", 1, 5, 7), ("va", 0, 5, 7), ("dân", 1, 8, 11), ("dan", 0, 8, 11), ("online", 1, 12, 18)],
            terms);
    }

    [Fact]
    public void Analyze_NfdInput_GivesNfcTermsWithOffsetsIntoTheOriginal()
    {
        var terms = Terms(new VietnameseAnalyzer(DiacriticForms.Accented), s_dangUyNfd);

        Assert.Equal(["đảng", "ủy", "thành", "phố"], terms.Select(t => t.Term));
        foreach (var (term, _, start, end, _) in terms)
        {
            string original = s_dangUyNfd[start..end];
            Assert.Equal(term, original.Normalize(NormalizationForm.FormC).ToLowerInvariant());
        }

        Assert.Equal(s_dangUyNfd.Length, terms[^1].End);
    }

    [Fact]
    public void Analyze_Punctuation_IsNotIndexedButNumbersAre()
    {
        var terms = Terms(new VietnameseAnalyzer(DiacriticForms.Accented), "Hà Nội, quý II năm 2021: 36 mô hình!");

        Assert.Equal(["hà", "nội", "quý", "ii", "năm", "2021", "36", "mô", "hình"], terms.Select(t => t.Term));
        Assert.All(terms, t => Assert.NotEqual("Punctuation", t.Type));
    }

    [Fact]
    public void Analyze_LookAlikeEth_IsIndexedAsDWithStroke()
    {
        Assert.Equal(["đảng"], Terms(new VietnameseAnalyzer(DiacriticForms.Accented), "\u00D0ảng").Select(t => t.Term));
        Assert.Equal(["dang"], Terms(new VietnameseAnalyzer(DiacriticForms.Folded), "\u00D0ảng").Select(t => t.Term));
    }

    [Fact]
    public void Analyze_SameAnalyzerTwice_GivesTheSameTerms()
    {
        // The second call reuses the token stream chain (Lucene's reuse path through Reset).
        var analyzer = new VietnameseAnalyzer(DiacriticForms.Folded);
        var first = Terms(analyzer, "Dân vận khéo ở cơ sở");
        var second = Terms(analyzer, "Dân vận khéo ở cơ sở");

        Assert.Equal(first, second);
        Assert.Equal(["dan", "van", "kheo", "o", "co", "so"], first.Select(t => t.Term));
    }

    [Fact]
    public void Analyze_LongText_ReadsPastTheInitialBuffer()
    {
        string text = string.Concat(Enumerable.Repeat("dân vận ", 2000)) + "cuối";
        var terms = Terms(new VietnameseAnalyzer(DiacriticForms.Accented), text);

        Assert.Equal(4001, terms.Count);
        Assert.Equal("cuối", terms[^1].Term);
        Assert.Equal(text.Length - 4, terms[^1].Start);
    }

    [Fact]
    public void Analyze_RandomInput_OffsetsStayInOrderAndInBounds()
    {
        const string Alphabet = "aăâeêoôơuưiyđĐÁàảãạ\u0301\u0300\u0323 \n\t.,;:-/\"'’“”()0123456789%ÐKké\u00A0\uD83D\uDE00";
        var random = new Random(20250401);
        var analyzers = new[] { new VietnameseAnalyzer(DiacriticForms.Accented), new VietnameseAnalyzer(DiacriticForms.Folded), new VietnameseAnalyzer(DiacriticForms.Both) };
        for (int round = 0; round < 300; round++)
        {
            string text = RandomText.Next(random, Alphabet, 200);
            foreach (VietnameseAnalyzer analyzer in analyzers)
            {
                int previousStart = 0;
                foreach (var (term, _, start, end, _) in Terms(analyzer, text))
                {
                    Assert.NotEmpty(term);
                    Assert.InRange(start, previousStart, text.Length);
                    Assert.InRange(end, start, text.Length);
                    previousStart = start;
                }
            }
        }
    }

    [Fact]
    public void Analyze_TheOneTokenizerChain_GivesWhatTheTokenizerLowerCaseAndFoldingFiltersGave()
    {
        // The analyzer lower-cases and folds inside its tokenizer; the index must hold exactly the terms of the
        // filter chain it replaced (tokenizer, LowerCaseFilter, VietnameseFoldingFilter), offsets and types included.
        const string Alphabet = "aăâeêoôơuưiyđĐÁÀẢÃẠàảãạÊỀỂ\u0301\u0300\u0323 \n\t.,;:-/\"'’“”()0123456789%ÐKkéÉİΣσΩ\u00A0\uD83D\uDE00\uD801\uDC00";
        var random = new Random(20261122);
        var texts = TestCorpus.All.SelectMany(a => new[] { a.Title, a.Body }).ToList();
        for (int round = 0; round < 300; round++)
        {
            texts.Add(RandomText.Next(random, Alphabet, 200));
        }

        // Every character of the Basic Multilingual Plane, as a word of its own and inside one.
        for (int c = 0; c <= 0xFFFF; c += 64)
        {
            var chunk = new StringBuilder();
            for (int k = c; k < c + 64; k++)
            {
                if (!char.IsSurrogate((char)k))
                {
                    chunk.Append((char)k).Append(' ').Append('x').Append((char)k).Append("a ");
                }
            }

            texts.Add(chunk.ToString());
        }

        foreach (DiacriticForms forms in Enum.GetValues<DiacriticForms>())
        {
            var analyzer = new VietnameseAnalyzer(forms);
            var filters = new FilterChainAnalyzer(forms);
            foreach (string text in texts)
            {
                Assert.Equal(Terms(filters, text), Terms(analyzer, text));
            }
        }
    }

    [Fact]
    public void Tokenizer_WithoutForms_KeepsTheCaseOfTheText()
    {
        var terms = Terms(new RawTokenizerAnalyzer(), "Đảng ủy Hà Nội");

        Assert.Equal(["Đảng", "ủy", "Hà", "Nội"], terms.Select(t => t.Term));
    }

    [Theory]
    [InlineData("dan", true)]
    [InlineData("2021", true)]
    [InlineData("Dan", false)]
    [InlineData("dân", false)]
    public void IsFolded_TellsWhetherFoldingWouldChangeTheTerm(string term, bool expected)
    {
        Assert.Equal(expected, VietnameseFoldingFilter.IsFolded(term));
    }

    /// <summary>The analysis chain before the tokenizer lower-cased and folded: tokenizer, LowerCaseFilter, folding filter.</summary>
    private sealed class FilterChainAnalyzer(DiacriticForms forms) : Analyzer
    {
        public override int GetPositionIncrementGap(string fieldName) => 100;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new VietnameseTokenizer(reader);
            TokenStream sink = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
            if (forms != DiacriticForms.Accented)
            {
                sink = new VietnameseFoldingFilter(sink, keepAccented: forms == DiacriticForms.Both);
            }

            return new TokenStreamComponents(source, sink);
        }
    }

    private sealed class RawTokenizerAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new VietnameseTokenizer(reader));
    }

    private static List<(string Term, int Increment, int Start, int End, string Type)> Terms(Analyzer analyzer, string text)
    {
        using TokenStream stream = analyzer.GetTokenStream("body", text);
        var (tokens, endOffset) = TokenStreams.Read(stream);
        Assert.Equal(text.Length, endOffset);
        return tokens;
    }
}
