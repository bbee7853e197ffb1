using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// The Lucene analyzer for Vietnamese text: <see cref="VietnameseTokenizer"/> (normalized syllables, numbers,
/// codes), lower case, and optionally <see cref="VietnameseFoldingFilter"/> for the diacritic-free form.
/// </summary>
/// <remarks>Thread-safe: Lucene keeps one token stream chain per thread.</remarks>
public sealed class VietnameseAnalyzer : Analyzer
{
    private readonly VietnameseNormalizer _normalizer;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="foldDiacritics">True for the folded form ("dân vận" → "dan van").</param>
    /// <param name="normalizer">The normalizer; <see cref="VietnameseNormalizer.Default"/> when null.</param>
    public VietnameseAnalyzer(bool foldDiacritics = false, VietnameseNormalizer? normalizer = null)
    {
        FoldDiacritics = foldDiacritics;
        _normalizer = normalizer ?? VietnameseNormalizer.Default;
    }

    /// <summary>True when this analyzer produces the folded form.</summary>
    public bool FoldDiacritics { get; }

    /// <summary>A gap of 100 positions between the values of a multi-valued field, so that no phrase spans two values.</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new VietnameseTokenizer(reader, _normalizer);
        TokenStream sink = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
        if (FoldDiacritics)
        {
            sink = new VietnameseFoldingFilter(sink);
        }

        return new TokenStreamComponents(source, sink);
    }
}
