using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>A term an analyzer produced and where it stands in the analyzed text.</summary>
/// <param name="Term">The term, as indexed.</param>
/// <param name="Start">The start offset in the analyzed text.</param>
/// <param name="End">The end offset in the analyzed text.</param>
internal readonly record struct AnalyzedTerm(string Term, int Start, int End)
{
    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> and returns its terms with their offsets.</summary>
    public static List<AnalyzedTerm> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<AnalyzedTerm>();
        using TokenStream stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(new AnalyzedTerm(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }
}
