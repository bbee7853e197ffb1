using System.Buffers;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Features;

/// <summary>The kind of a term <see cref="VietnameseTerms"/> reports.</summary>
internal enum TermKind
{
    /// <summary>A syllable or abbreviation, lower-cased with its accents.</summary>
    Word,

    /// <summary>The folded twin of a word whose folding changes it ("dân" → "dan").</summary>
    FoldedWord,

    /// <summary>A document code as written ("25-NQ/TW").</summary>
    DocumentCode,

    /// <summary>The kind of a document code, its part after the number ("NQ/TW", "KH-UBND").</summary>
    DocumentCodeKind,
}

/// <summary>Receives the terms of a text from <see cref="VietnameseTerms.Scan{TSink}"/>.</summary>
internal interface ITermSink
{
    /// <summary>One term; the span is valid during the call only.</summary>
    void Term(ReadOnlySpan<char> term, TermKind kind);

    /// <summary>Two words next to each other ("dân" "vận"), both lower-cased, accented or both folded.</summary>
    void Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool folded);
}

/// <summary>Counts of phrases the scan sees on the way (they feed the fact features).</summary>
internal struct PhraseCounts
{
    /// <summary>"dân vận" in any spelling.</summary>
    public int DanVan;

    /// <summary>"Ban Dân vận" in any spelling.</summary>
    public int BanDanVan;

    /// <summary>"dân vận khéo" in any spelling.</summary>
    public int DanVanKheo;

    /// <summary>Document-code tokens.</summary>
    public int DocumentCodes;
}

/// <summary>
/// The Vietnamese terms of a normalized text: syllables and abbreviations lower-cased with their accents, their folded
/// twins, bigrams of adjacent words (most Vietnamese words are two syllables), and document codes as single terms.
/// </summary>
/// <remarks>
/// ML.NET's own text featurizer folds only part of the Vietnamese letters (U+00C0–U+0233, not U+1EA0–U+1EF9 nor đ), so the
/// terms come from the core's tokenizer and folder instead. Numbers, dates, URLs, e-mails and symbols give no term: they
/// name a site or a day more than a subject. Punctuation, numbers and codes break bigrams.
/// </remarks>
internal static class VietnameseTerms
{
    private static readonly SearchValues<char> NumberPart = SearchValues.Create("0123456789/-");

    /// <summary>Scans <paramref name="normalized"/> (the output of <see cref="VietnameseNormalizer"/>) into <paramref name="sink"/>.</summary>
    public static PhraseCounts Scan<TSink>(ReadOnlySpan<char> normalized, ref TSink sink, StopWords stopWords, bool foldedTwins)
        where TSink : ITermSink
    {
        var counts = default(PhraseCounts);
        if (normalized.IsEmpty)
        {
            return counts;
        }

        char[] rented = ArrayPool<char>.Shared.Rent(normalized.Length * 2);
        try
        {
            // Lower-cased and folded forms are written at the token's own offset, so the previous word's forms stay
            // readable while the next one is made (the folded enumerator keeps the same promise).
            Span<char> lower = rented.AsSpan(0, normalized.Length);
            Span<char> foldBuffer = rented.AsSpan(normalized.Length, normalized.Length);
            int previousStart = -1, previousLength = 0;
            ReadOnlySpan<char> previousFolded = default;
            ReadOnlySpan<char> folded1 = default, folded2 = default; // the last two folded words, for phrases

            foreach (FoldedToken item in SyllableTokenizer.TokenizeFolded(normalized, foldBuffer))
            {
                Token token = item.Token;
                switch (token.Kind)
                {
                    case TokenKind.Syllable or TokenKind.Abbreviation:
                    {
                        ReadOnlySpan<char> source = token.TextIn(normalized);
                        Span<char> word = lower.Slice(token.Start, token.Length);
                        source.ToLowerInvariant(word);
                        ReadOnlySpan<char> folded = item.Folded;
                        bool foldChanges = !folded.SequenceEqual(word);
                        if (!stopWords.Contains(word))
                        {
                            sink.Term(word, TermKind.Word);
                            if (foldedTwins && foldChanges && !folded.IsEmpty)
                            {
                                sink.Term(folded, TermKind.FoldedWord);
                            }
                        }

                        if (previousStart >= 0)
                        {
                            ReadOnlySpan<char> previous = lower.Slice(previousStart, previousLength);
                            sink.Bigram(previous, word, folded: false);
                            if (foldedTwins && (foldChanges || !previousFolded.SequenceEqual(previous)))
                            {
                                sink.Bigram(previousFolded, folded, folded: true);
                            }
                        }

                        if (folded.SequenceEqual("van") && folded2.SequenceEqual("dan"))
                        {
                            counts.DanVan++;
                            if (folded1.SequenceEqual("ban"))
                            {
                                counts.BanDanVan++;
                            }
                        }
                        else if (folded.SequenceEqual("kheo") && folded2.SequenceEqual("van") && folded1.SequenceEqual("dan"))
                        {
                            counts.DanVanKheo++;
                        }

                        previousStart = token.Start;
                        previousLength = token.Length;
                        previousFolded = folded;
                        folded1 = folded2;
                        folded2 = folded;
                        break;
                    }

                    case TokenKind.DocumentCode:
                    {
                        ReadOnlySpan<char> code = token.TextIn(normalized);
                        counts.DocumentCodes++;
                        sink.Term(code, TermKind.DocumentCode);
                        // "04/2015/NĐ-CP" → "NĐ-CP": the number and year name one document, the rest names its kind and issuer.
                        int kindStart = code.IndexOfAnyExcept(NumberPart);
                        if (kindStart > 0)
                        {
                            sink.Term(code[kindStart..], TermKind.DocumentCodeKind);
                        }

                        previousStart = -1;
                        folded1 = folded2 = default;
                        break;
                    }

                    default:
                        previousStart = -1;
                        folded1 = folded2 = default;
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return counts;
    }
}
