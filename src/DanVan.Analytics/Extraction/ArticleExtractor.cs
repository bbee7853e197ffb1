using DanVan.Analytics.Extraction.Documents;
using DanVan.Analytics.Extraction.ModelCounts;
using DanVan.Analytics.Extraction.Officials;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>Options of <see cref="ArticleExtractor"/>.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options: the default lexicon and normalizer.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>The vocabularies; <see cref="ExtractionLexicon.Default"/> unless set.</summary>
    public ExtractionLexicon? Lexicon { get; init; }

    /// <summary>The normalizer the text goes through first; <see cref="VietnameseNormalizer.Default"/> unless set.</summary>
    public VietnameseNormalizer? Normalizer { get; init; }
}

/// <summary>
/// Turns a Vietnamese news article about dân vận work into countable facts: numbered document references,
/// counts of "mô hình" (models) and named officials with their titles. Every result carries its span in the
/// original text. The text is normalized first, so NFC or NFD input, look-alike letters, either tone-mark
/// style and non-breaking spaces give the same results.
/// </summary>
/// <remarks>Immutable and safe to share between threads. Runs in time linear in the text's length.</remarks>
public sealed class ArticleExtractor
{
    private readonly ExtractionLexicon _lexicon;
    private readonly VietnameseNormalizer _normalizer;

    /// <summary>Creates an extractor.</summary>
    /// <param name="options">The options; <see cref="ExtractionOptions.Default"/> when null.</param>
    public ArticleExtractor(ExtractionOptions? options = null)
    {
        options ??= ExtractionOptions.Default;
        _lexicon = options.Lexicon ?? ExtractionLexicon.Default;
        _normalizer = options.Normalizer ?? VietnameseNormalizer.Default;
    }

    /// <summary>An extractor with the default options.</summary>
    public static ArticleExtractor Default { get; } = new();

    /// <summary>Extracts documents, model counts and officials from <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ExtractionResult Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var context = new ExtractionContext(_normalizer.NormalizeWithOffsets(text), _lexicon);
        return new ExtractionResult(
            DocumentExtractor.Extract(context),
            ModelCountExtractor.Extract(context),
            OfficialExtractor.Extract(context));
    }
}
