using System.Buffers;
using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>
/// One article prepared for the extractors: normalized text, tokens, sentence starts, the lexicon. The words and their
/// flags live in pooled buffers: dispose the context when the extractors are done (results hold no reference to them).
/// </summary>
internal sealed class ExtractionContext : IDisposable
{
    private readonly int[] _sentenceStarts;
    private PooledBuffer<WordToken> _words;
    private WordFlags[] _flags;

    public ExtractionContext(NormalizedText normalized, ExtractionLexicon lexicon)
    {
        Normalized = normalized;
        Text = normalized.Text;
        Lexicon = lexicon;
        // The text is tokenized once: the tokenizer's tokens give the sentences and the words.
        var starts = new List<int>();
        _words = WordScanner.ScanPooled(Text, (Text, starts), static (tokens, state) =>
        {
            foreach (TextSpan sentence in SentenceSegmenter.Split(state.Text, tokens))
            {
                state.starts.Add(sentence.Start);
            }
        });
        ReadOnlySpan<WordToken> words = _words.Span;
        _flags = ArrayPool<WordFlags>.Shared.Rent(Math.Max(words.Length, 1));
        Span<WordFlags> flags = _flags.AsSpan(0, words.Length);
        WordFlagTable table = lexicon.FlagTable;
        for (int i = 0; i < words.Length; i++)
        {
            flags[i] = words[i].IsWord ? table.Get(words[i].In(Text)) : WordFlags.None;
        }

        _sentenceStarts = starts.Count == 0 ? [0] : starts.ToArray();
    }

    public NormalizedText Normalized { get; }

    public string Text { get; }

    public ExtractionLexicon Lexicon { get; }

    /// <summary>The words of the text, in order.</summary>
    public ReadOnlySpan<WordToken> Tokens => _words.Span;

    /// <summary>What each token may be (<see cref="WordFlags.None"/> for most).</summary>
    public ReadOnlySpan<WordFlags> Flags => _flags.AsSpan(0, _words.Count);

    /// <summary>True when token <paramref name="i"/> exists and may be <paramref name="flag"/>.</summary>
    public bool Has(int i, WordFlags flag) => (uint)i < (uint)_words.Count && (_flags[i] & flag) != 0;

    /// <summary>The 0-based index of the sentence that holds normalized offset <paramref name="offset"/>.</summary>
    public int SentenceOf(int offset)
    {
        int i = Array.BinarySearch(_sentenceStarts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>The start of the sentence after the one holding <paramref name="offset"/>, or the text's length.</summary>
    public int SentenceEnd(int offset)
    {
        int s = SentenceOf(offset);
        return s + 1 < _sentenceStarts.Length ? _sentenceStarts[s + 1] : Text.Length;
    }

    /// <summary>The start of the sentence holding <paramref name="offset"/>.</summary>
    public int SentenceStart(int offset) => _sentenceStarts[SentenceOf(offset)];

    /// <summary>The span of normalized offsets [start, end) in the original text.</summary>
    public TextSpan ToOriginal(int start, int end) => Normalized.ToOriginal(new TextSpan(start, end - start));

    /// <summary>The original text of the normalized offsets [start, end).</summary>
    public string OriginalSurface(TextSpan originalSpan) => Normalized.Original.Substring(originalSpan.Start, originalSpan.Length);

    /// <summary>The normalized text of [start, end) with every run of white space written as one space and Ð written Đ.</summary>
    public string Clean(int start, int end) => CollapseSpaces(Text.AsSpan(start, end - start));

    /// <summary>Tokens [from, to) as normalized text with single spaces.</summary>
    public string CleanTokens(int from, int to) => from >= to ? string.Empty : Clean(Tokens[from].Start, Tokens[to - 1].End);

    public static string CollapseSpaces(ReadOnlySpan<char> span)
    {
        var builder = new StringBuilder(span.Length);
        bool space = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            // The look-alike Ð inside abbreviations ("HÐND") is written Đ in every value the extractor reports.
            builder.Append(c switch { '\u00D0' => '\u0110', '\u00F0' => '\u0111', _ => c });
        }

        return builder.ToString();
    }

    /// <summary>True when token <paramref name="i"/> is a word equal to <paramref name="word"/>, ignoring case.</summary>
    public bool IsWord(int i, string word) =>
        (uint)i < (uint)Tokens.Length && Tokens[i].IsWord && Tokens[i].In(Text).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when token <paramref name="i"/> is the punctuation character <paramref name="c"/>.</summary>
    public bool IsPunct(int i, char c) => (uint)i < (uint)Tokens.Length && Tokens[i].IsPunctuation(Text, c);

    /// <summary>True when token <paramref name="i"/> is a dash (hyphen, en dash or em dash).</summary>
    public bool IsDash(int i) => IsPunct(i, '-') || IsPunct(i, '\u2013') || IsPunct(i, '\u2014');

    /// <summary>Returns the pooled words and flags.</summary>
    public void Dispose()
    {
        _words.Dispose();
        if (_flags.Length > 0)
        {
            ArrayPool<WordFlags>.Shared.Return(_flags);
            _flags = [];
        }
    }

    /// <summary>True when there is no line break between the end of token <paramref name="i"/> and the start of token <paramref name="i"/>+1.</summary>
    public bool SameLine(int i) =>
        i + 1 < Tokens.Length && Text.AsSpan(Tokens[i].End, Tokens[i + 1].Start - Tokens[i].End).IndexOf('\n') < 0;
}
