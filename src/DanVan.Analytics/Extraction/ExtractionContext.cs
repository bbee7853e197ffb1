using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>One article prepared for the extractors: normalized text, tokens, sentence starts, the lexicon.</summary>
internal sealed class ExtractionContext
{
    private readonly int[] _sentenceStarts;

    public ExtractionContext(NormalizedText normalized, ExtractionLexicon lexicon)
    {
        Normalized = normalized;
        Text = normalized.Text;
        Lexicon = lexicon;
        // The text is tokenized once: the tokenizer's tokens give the sentences and the words.
        var starts = new List<int>();
        Tokens = WordScanner.Scan(Text, (Text, starts), static (tokens, state) =>
        {
            foreach (TextSpan sentence in SentenceSegmenter.Split(state.Text, tokens))
            {
                state.starts.Add(sentence.Start);
            }
        });
        Flags = new WordFlags[Tokens.Length];
        WordFlagTable table = lexicon.FlagTable;
        for (int i = 0; i < Tokens.Length; i++)
        {
            if (Tokens[i].IsWord)
            {
                Flags[i] = table.Get(Tokens[i].In(Text));
            }
        }

        _sentenceStarts = starts.Count == 0 ? [0] : starts.ToArray();
    }

    public NormalizedText Normalized { get; }

    public string Text { get; }

    public ExtractionLexicon Lexicon { get; }

    public WordToken[] Tokens { get; }

    /// <summary>What each token may be (<see cref="WordFlags.None"/> for most).</summary>
    public WordFlags[] Flags { get; }

    /// <summary>True when token <paramref name="i"/> exists and may be <paramref name="flag"/>.</summary>
    public bool Has(int i, WordFlags flag) => (uint)i < (uint)Flags.Length && (Flags[i] & flag) != 0;

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

    /// <summary>True when there is no line break between the end of token <paramref name="i"/> and the start of token <paramref name="i"/>+1.</summary>
    public bool SameLine(int i) =>
        i + 1 < Tokens.Length && Text.AsSpan(Tokens[i].End, Tokens[i + 1].Start - Tokens[i].End).IndexOf('\n') < 0;
}
