using System.Diagnostics;
using System.Runtime.CompilerServices;
using DanVan.Analytics.Text;
using DanVan.Analytics.Text.Tokenization;

namespace DanVan.Analytics.Extraction;

/// <summary>What a <see cref="WordToken"/> is.</summary>
internal enum WordKind : byte
{
    Word,
    Number,
    Punctuation,
}

/// <summary>
/// A token of the extraction scanner: a word (letters, combining marks and inner apostrophes, so
/// that "K’ré" and "H'Hen" stay one word), a number (digits with inner "." or ","), or one other character.
/// </summary>
internal readonly record struct WordToken(int Start, int Length, WordKind Kind, bool Capitalized, bool AllUpper)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    public bool IsWord => Kind == WordKind.Word;

    public bool IsPunctuation(string text, char c) => Kind == WordKind.Punctuation && text[Start] == c;
}

/// <summary>Reads the tokens of a text (in a buffer valid only during the call) with a state.</summary>
internal delegate void TokensAction<in TState>(ReadOnlySpan<Token> tokens, TState state);

/// <summary>
/// The extraction's view of the tokenizer's stream: the text is tokenized once (<see cref="SyllableTokenizer"/>) and each
/// token is read as the <see cref="WordToken"/>s the extractors match against: a syllable or abbreviation is a word with its
/// capitalisation; a token with inner parts (a code, a date, a dotted abbreviation, "98%", "...") is read as its parts, so
/// that "25-NQ/TW" is a number, a dash, a word, a slash and a word, as the extraction rules expect.
/// </summary>
internal static class WordScanner
{
    /// <summary>
    /// Tokenizes <paramref name="text"/> once, hands the tokenizer's tokens to <paramref name="useTokens"/> (the sentence
    /// boundaries are read from them) and returns the words.
    /// </summary>
    /// <remarks>The tokens live in a pooled buffer, valid only during the call of <paramref name="useTokens"/>.</remarks>
    public static WordToken[] Scan<TState>(string text, TState state, TokensAction<TState> useTokens)
    {
        PooledBuffer<WordToken> words = ScanPooled(text, state, useTokens);
        try
        {
            return words.ToArray();
        }
        finally
        {
            words.Dispose();
        }
    }

    /// <summary>
    /// As <see cref="Scan{TState}"/>, with the words left in a pooled buffer that the caller disposes: on a long text
    /// the words are a large-object allocation each time otherwise.
    /// </summary>
    public static PooledBuffer<WordToken> ScanPooled<TState>(string text, TState state, TokensAction<TState> useTokens)
    {
        var buffer = new PooledBuffer<Token>(text.Length / 4 + 16);
        try
        {
            int position = 0;
            while (TokenScanner.TryRead(text, ref position, out Token token))
            {
                buffer.Add(token);
            }

            ReadOnlySpan<Token> tokens = buffer.Span;
            useTokens(tokens, state);
            var words = new PooledBuffer<WordToken>(tokens.Length + (tokens.Length >> 3) + 4);
            FromTokens(text, tokens, ref words);
            return words;
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Tokenizes <paramref name="text"/> once and returns its words.</summary>
    public static WordToken[] Scan(string text) => Scan<object?>(text, null, static (_, _) => { });

    /// <summary>Reads the words of <paramref name="text"/> from its tokens <paramref name="tokens"/> into <paramref name="words"/>.</summary>
    private static void FromTokens(string text, ReadOnlySpan<Token> tokens, ref PooledBuffer<WordToken> words)
    {
        ref byte classes = ref CharClasses.Table;
        int covered = 0; // the text before this offset has been read into words
        foreach (Token token in tokens)
        {
            if (token.End <= covered)
            {
                continue;
            }

            // Nine tokens in ten are plain words: one word, read from the token without a second look at its neighbours'.
            if (token.Start >= covered && token.Kind is TokenKind.Syllable or TokenKind.Abbreviation
                && IsBlank(text, covered, token.Start) && TryPlainWord(text, token, ref classes, out WordToken word))
            {
                words.Add(word);
                covered = token.End;
                continue;
            }

            covered = ReadParts(text, covered, token.End, ref words);
        }

        ReadParts(text, covered, text.Length, ref words);
        Debug.Assert(words.Count <= text.Length);
    }

    // A token that is exactly one word: letters and combining marks of U+0300–U+036F with inner apostrophes before a
    // letter, not continued by the next character.
    private static bool TryPlainWord(string text, Token token, ref byte classes, out WordToken word)
    {
        word = default;
        int end = token.End;
        int first = Unsafe.Add(ref classes, text[token.Start]);
        if ((first & CharClasses.Letter) == 0)
        {
            return false;
        }

        bool allUpper = true;
        for (int i = token.Start + 1; i < end; i++)
        {
            char d = text[i];
            int cls = Unsafe.Add(ref classes, d);
            if ((cls & CharClasses.Letter) != 0)
            {
                allUpper &= (cls & CharClasses.Upper) != 0;
            }
            else if (!IsMark(d) && !(IsApostrophe(d) && i + 1 < end && char.IsLetter(text[i + 1])))
            {
                return false;
            }
        }

        if (end < text.Length && ContinuesWord(text, end))
        {
            return false;
        }

        bool capitalized = (first & CharClasses.Upper) != 0;
        word = new WordToken(token.Start, token.Length, WordKind.Word, capitalized, capitalized && allUpper && token.Length >= 2);
        return true;
    }

    private static bool ContinuesWord(string text, int i) =>
        char.IsLetter(text[i]) || IsMark(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]));

    private static bool IsMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Reads the parts that start in [from, limit): words, numbers (digits with inner "." or ","), and single other
    // characters (a surrogate pair whole), skipping white space. A part may run past limit ("18/12.5": the date ends
    // before ".5", the number "12.5" does not); returns the end of the last part, at least limit.
    private static int ReadParts(string text, int from, int limit, ref PooledBuffer<WordToken> words)
    {
        int i = from;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (i >= limit)
            {
                break;
            }

            int start = i;
            if (char.IsLetter(c))
            {
                bool allUpper = true;
                i++;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetter(d))
                    {
                        allUpper &= char.IsUpper(d);
                        i++;
                    }
                    else if (IsMark(d) || (IsApostrophe(d) && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                bool capitalized = char.IsUpper(c);
                words.Add(new WordToken(start, i - start, WordKind.Word, capitalized, capitalized && allUpper && i - start >= 2));
            }
            else if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                words.Add(new WordToken(start, i - start, WordKind.Number, false, false));
            }
            else
            {
                i++;
                if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                {
                    i++;
                }

                words.Add(new WordToken(start, i - start, WordKind.Punctuation, false, false));
            }
        }

        return Math.Max(i, limit);
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>The words of a lexicon phrase, as extraction reads the words of a text.</summary>
    public static string[] Words(string phrase)
    {
        WordToken[] tokens = Scan(phrase);
        var words = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            words[i] = phrase.Substring(tokens[i].Start, tokens[i].Length);
        }

        return words;
    }
}
