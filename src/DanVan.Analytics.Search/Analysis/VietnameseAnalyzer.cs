using DanVan.Analytics.Text;
using Lucene.Net.Analysis;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>Which forms of each word a <see cref="VietnameseAnalyzer"/> produces.</summary>
public enum DiacriticForms
{
    /// <summary>The accented form only: "dân vận" → "dân", "vận".</summary>
    Accented = 0,

    /// <summary>The folded form only: "dân vận" → "dan", "van".</summary>
    Folded = 1,

    /// <summary>Both, the folded form at the same position as the accented one: "dân"+"dan", "vận"+"van" (what the index stores).</summary>
    Both = 2,
}

/// <summary>
/// The Lucene analyzer for Vietnamese text: <see cref="VietnameseTokenizer"/> (normalized syllables, numbers,
/// codes) in lower case, accented, folded to the diacritic-free form, or both.
/// </summary>
/// <remarks>Thread-safe: Lucene keeps one token stream chain per thread.</remarks>
public sealed class VietnameseAnalyzer : Analyzer
{
    private readonly VietnameseNormalizer _normalizer;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="forms">The forms to produce.</param>
    /// <param name="normalizer">The normalizer; <see cref="VietnameseNormalizer.Default"/> when null.</param>
    public VietnameseAnalyzer(DiacriticForms forms = DiacriticForms.Both, VietnameseNormalizer? normalizer = null)
    {
        Forms = forms;
        _normalizer = normalizer ?? VietnameseNormalizer.Default;
    }

    /// <summary>The forms this analyzer produces.</summary>
    public DiacriticForms Forms { get; }

    /// <summary>A gap of 100 positions between the values of a multi-valued field, so that no phrase spans two values.</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        // One tokenizer lower-cases and folds: filters would cost a pass through Lucene's attributes per term.
        return new TokenStreamComponents(new VietnameseTokenizer(reader, Forms, _normalizer));
    }
}
