using System.Diagnostics;

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

/// <summary>Splits normalized text into <see cref="WordToken"/>s in one linear pass.</summary>
internal static class WordScanner
{
    public static WordToken[] Scan(string text)
    {
        var tokens = new List<WordToken>(text.Length / 4 + 4);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
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
                    else if (d is >= '\u0300' and <= '\u036F')
                    {
                        i++;
                    }
                    else if (IsApostrophe(d) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                bool capitalized = char.IsUpper(c);
                tokens.Add(new WordToken(start, i - start, WordKind.Word, capitalized, capitalized && allUpper && i - start >= 2));
            }
            else if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new WordToken(start, i - start, WordKind.Number, false, false));
            }
            else
            {
                i++;
                if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                {
                    i++;
                }

                tokens.Add(new WordToken(start, i - start, WordKind.Punctuation, false, false));
            }
        }

        Debug.Assert(tokens.Count <= text.Length);
        return tokens.ToArray();
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>The words of a lexicon phrase, as the scanner would split them.</summary>
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
