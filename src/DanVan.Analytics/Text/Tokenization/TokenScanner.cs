using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using DanVan.Analytics.Text.Dates;
using DanVan.Analytics.Text.Normalization;
using DanVan.Analytics.Text.Tables;
using static DanVan.Analytics.Text.Tokenization.CharClasses;

namespace DanVan.Analytics.Text.Tokenization;

/// <summary>
/// The tokenizer's scanner: reads the next token at a position. An inlined fast path handles blank space
/// and plain words (nine tokens in ten in news text); everything else goes to one general slow path.
/// </summary>
/// <remarks>
/// Every rule looks ahead a bounded number of characters when it fails (codes, dates, e-mail addresses and
/// bare domains have length caps), and succeeds only by consuming what it scanned, so the whole text is read
/// in linear time whatever it holds.
/// </remarks>
internal static class TokenScanner
{
    // RFC 1035 and RFC 5321 limits and a cap on labels, which also bound the look-ahead of failed matches
    // ("a.a.a.a…" and "a-a-a-a…" look ahead at most a few hundred characters from each token).
    private const int MaxLabelLength = 63;
    private const int MaxLabels = 8;
    private const int MaxLocalPartLength = 64;

    // Headline words are one space apart, sometimes two.
    private const int MaxHeadlineGap = 2;

    /// <summary>Reads the token at or after <paramref name="position"/> and moves past it.</summary>
    /// <returns>False when only blank space is left; <paramref name="position"/> is then the text's length.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ReadOnlySpan<char> text, ref int position, out Token token)
    {
        ref byte table = ref Table;
        int i = position;
        while ((uint)i < (uint)text.Length)
        {
            char c = text[i];
            int cls = Unsafe.Add(ref table, c);
            if ((cls & Space) != 0)
            {
                i++;
                continue;
            }

            if ((cls & Letter) == 0)
            {
                // Commas, quotes and brackets are one character; dots may start "..." or "./.".
                if ((cls & Punct) != 0 && c != '.')
                {
                    token = new Token(i, 1, TokenKind.Punctuation);
                    position = i + 1;
                    return true;
                }

                break;
            }

            // A run of letters and combining marks; anything that may turn it into something else
            // (an apostrophe, a dot, a digit, a surrogate) leaves it to the slow path.
            int j = i + 1;
            int rest = 0;
            while (true)
            {
                if ((uint)j >= (uint)text.Length)
                {
                    break;
                }

                char d = text[j];
                int dc = Unsafe.Add(ref table, d);
                if ((dc & (Letter | Mark)) == 0)
                {
                    if ((dc & WordTail) != 0)
                    {
                        goto Slow;
                    }

                    break;
                }

                rest |= dc;
                j++;
            }

            token = new Token(i, j - i, (cls & rest & Upper) != 0 ? CapitalWordKind(text, i, j, cls | rest) : TokenKind.Syllable);
            position = j;
            return true;
        }

    Slow:
        // The slow path takes no reference to position or token: either would keep them in memory in the caller's loop.
        token = ReadSlow(text, i);
        position = token.Length != 0 ? token.End : text.Length;
        return token.Length != 0;
    }

    // Two or more capitals: a Roman numeral of I, V and X (khóa XIII, thế kỷ XXI) is a number; else an abbreviation
    // when all are capitals without tone marks (UBND, HĐND, TƯ, but not the headline word LUẬN) or when the table knows
    // it (ThS, TTg); but a toneless capital word that spells a Vietnamese syllable (see IsWordInCapitals) is a word
    // (BAN in "BAN DÂN VẬN"). classes is the union of the word's character classes.
    // Kept out of line: it is rare, and inlined it would crowd the registers of the hot loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TokenKind CapitalWordKind(ReadOnlySpan<char> text, int start, int end, int classes)
    {
        ReadOnlySpan<char> word = text[start..end];
        if (IsRomanNumeral(word))
        {
            return TokenKind.Number;
        }

        if ((classes & (NotUpper | Toned)) == 0)
        {
            return IsWordInCapitals(text, start, end) ? TokenKind.Syllable : TokenKind.Abbreviation;
        }

        return AbbreviationTable.IsMixedCase(word) ? TokenKind.Abbreviation : TokenKind.Syllable;
    }

    // An all-capital, toneless word is a syllable when it spells one (BAN, TIN, HOA; not UBND, MTTQ) that the table
    // does not list as an abbreviation (TƯ), and either has a letter outside ASCII (DÂN, NIÊN: abbreviations are
    // initials) or stands next to a headline's word on the same line. Abbreviations that spell a syllable in ASCII
    // (CEO, BOT, AI) stand among ordinary words, so they stay abbreviations.
    private static bool IsWordInCapitals(ReadOnlySpan<char> text, int start, int end)
    {
        ReadOnlySpan<char> word = text[start..end];
        return IsSyllableInCapitals(word)
            && (!Ascii.IsValid(word) || IsHeadlineWord(text[WordBefore(text, start)]) || IsHeadlineWord(text[WordAfter(text, end)]));
    }

    // The syllable rules read precomposed letters, so a word with combining marks (NFD text) is composed first; one
    // with marks that do not compose is no syllable.
    [SkipLocalsInit]
    private static bool IsSyllableInCapitals(ReadOnlySpan<char> word)
    {
        scoped ReadOnlySpan<char> syllable = word;
        if (word.ContainsAnyInRange(CombiningMarksFirst, CombiningMarksLast))
        {
            Span<char> composed = stackalloc char[MaxSyllableChars];
            if (word.Length > composed.Length || !RuntimeNormalization.TryNormalize(word, composed, out int written, NormalizationForm.FormC))
            {
                return false;
            }

            syllable = composed[..written];
            if (syllable.ContainsAnyInRange(CombiningMarksFirst, CombiningMarksLast))
            {
                return false;
            }
        }

        return syllable.Length <= VietnameseSyllable.MaxLength && !AbbreviationTable.IsSyllableShaped(syllable) && VietnameseSyllable.IsPlausible(syllable);
    }

    // A syllable's letters with a tone and a shape mark each as combining marks (NFD).
    private const int MaxSyllableChars = VietnameseSyllable.MaxLength * 3;

    // The combining diacritical marks block, where NFD text keeps Vietnamese tone and shape marks.
    private const char CombiningMarksFirst = '\u0300';
    private const char CombiningMarksLast = '\u036F';

    // A word in capitals that only Vietnamese spells: with a tone mark (VẬN, CỦA), or a syllable with a letter outside
    // ASCII (DÂN, ĐOÀN; HĐND is no syllable).
    private static bool IsHeadlineWord(ReadOnlySpan<char> word)
    {
        int classes = 0;
        bool ascii = true;
        foreach (char c in word)
        {
            classes |= Unsafe.Add(ref Table, c);
            ascii &= c < 0x80;
        }

        return word.Length > 0 && (classes & NotUpper) == 0
            && ((classes & Toned) != 0 || (!ascii && IsSyllableInCapitals(word)));
    }

    // The word that ends one or two blanks before start on the same line (empty when there is none).
    private static Range WordBefore(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end > 0 && start - end < MaxHeadlineGap && IsHeadlineGap(text[end - 1]))
        {
            end--;
        }

        int wordStart = end;
        while (wordStart > 0 && end - wordStart < MaxSyllableChars && (Unsafe.Add(ref Table, text[wordStart - 1]) & (Letter | Mark)) != 0)
        {
            wordStart--;
        }

        return end == start ? default : wordStart..end;
    }

    // The word that starts one or two blanks after end on the same line (empty when there is none).
    private static Range WordAfter(ReadOnlySpan<char> text, int end)
    {
        int start = end;
        while (start < text.Length && start - end < MaxHeadlineGap && IsHeadlineGap(text[start]))
        {
            start++;
        }

        int wordEnd = start;
        while (wordEnd < text.Length && wordEnd - start < MaxSyllableChars && (Unsafe.Add(ref Table, text[wordEnd]) & (Letter | Mark)) != 0)
        {
            wordEnd++;
        }

        return start == end ? default : start..wordEnd;
    }

    private static bool IsHeadlineGap(char c) => c is not ('\n' or '\r') && (Unsafe.Add(ref Table, c) & Space) != 0;

    // XL, C, D and M are left out: CD, MC, DC and CM are abbreviations far more often than numbers in the news, while
    // congresses, plenums, terms and centuries (I–XXXIX) are counted with I, V and X.
    private static bool IsRomanNumeral(ReadOnlySpan<char> word)
    {
        int tens = 0;
        while (tens < word.Length && tens < 3 && word[tens] == 'X')
        {
            tens++;
        }

        return word[tens..] is "" or "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX";
    }

    // The token at or after i, or an empty token when only blank space is left.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Token ReadSlow(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            int cls = Classify(text, i, out int width);
            if ((cls & Space) != 0)
            {
                i += width;
                continue;
            }

            Token token = (cls & Letter) != 0 ? ScanWord(text, i)
                : (cls & Digit) != 0 ? ScanNumeric(text, i)
                : (cls & Punct) != 0 ? ScanPunctuation(text, i)
                : ScanSymbol(text, i, width);
            Debug.Assert(token.Length > 0 && token.End <= text.Length, "A token is never empty and never runs past the text.");
            return token;
        }

        return default;
    }

    private static Token ScanWord(ReadOnlySpan<char> text, int start)
    {
        int first = Classify(text, start, out int width);
        int j = start + width;
        int rest = 0;
        bool ascii = text[start] < 0x80;
        while (j < text.Length)
        {
            int cls = Classify(text, j, out width);
            if ((cls & (Letter | Mark)) != 0)
            {
                rest |= cls;
                ascii &= text[j] < 0x80;
                j += width;
                continue;
            }

            // An apostrophe between letters belongs to the name: K’ré, H'Mông.
            if (text[j] is '\'' or '\u2019' && j + 1 < text.Length && (Classify(text, j + 1, out _) & Letter) != 0)
            {
                ascii = false;
                j++;
                continue;
            }

            break;
        }

        if (j < text.Length)
        {
            char next = text[j];
            if (ascii && (next is ':' or '.' or '@' or '_' or '+' or '-' || IsAsciiDigit(next)))
            {
                int end = ScanWebAddress(text, start, j, out TokenKind webKind);
                if (end > 0)
                {
                    return new Token(start, end - start, webKind);
                }
            }

            // A dotted abbreviation's letters before its first dot are the whole word, so while the table is ASCII only
            // an ASCII word can start one (most words before a dot end a sentence, and the table costs a look at each entry).
            if (next == '.' && (ascii || !AbbreviationTable.DottedAreAscii))
            {
                int end = ScanDottedAbbreviation(text, start);
                if (end > 0)
                {
                    return new Token(start, end - start, TokenKind.Abbreviation);
                }
            }
        }

        TokenKind kind = (first & Upper) != 0 && (rest & Upper) != 0
            ? CapitalWordKind(text, start, j, first | rest)
            : TokenKind.Syllable;
        return new Token(start, j - start, kind);
    }

    // "http://…", "www.…", "ten.ho@dangcongsan.vn", "laodongthudo.vn/…": the end of the address, or 0.
    private static int ScanWebAddress(ReadOnlySpan<char> text, int start, int wordEnd, out TokenKind kind)
    {
        kind = TokenKind.Url;
        ReadOnlySpan<char> word = text[start..wordEnd];
        ReadOnlySpan<char> after = text[wordEnd..];
        if (after.StartsWith("://") && (word.Equals("http", StringComparison.OrdinalIgnoreCase)
            || word.Equals("https", StringComparison.OrdinalIgnoreCase) || word.Equals("ftp", StringComparison.OrdinalIgnoreCase)))
        {
            return ScanUrlEnd(text, wordEnd + 3);
        }

        if (word.Equals("www", StringComparison.OrdinalIgnoreCase) && after.Length > 1 && after[0] == '.' && IsAsciiLetterOrDigit(after[1]))
        {
            return ScanUrlEnd(text, wordEnd + 1);
        }

        int email = ScanEmail(text, start);
        if (email > 0)
        {
            kind = TokenKind.Email;
            return email;
        }

        int domainEnd = ScanDomain(text, start, out int labels, out int lastLabelStart);
        if (domainEnd > 0 && labels >= 2 && DomainTable.IsTopLevelDomain(text[lastLabelStart..domainEnd]))
        {
            return domainEnd < text.Length && text[domainEnd] == '/' ? ScanUrlEnd(text, domainEnd) : domainEnd;
        }

        return 0;
    }

    // A URL runs to blank space or a quote; trailing sentence punctuation is not part of it.
    private static int ScanUrlEnd(ReadOnlySpan<char> text, int from)
    {
        int end = from;
        bool openParenthesis = false;
        while (end < text.Length)
        {
            char c = text[end];
            if ((Classify(text, end, out int width) & Space) != 0 || c is '<' or '>' or '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB')
            {
                break;
            }

            openParenthesis |= c == '(';
            end += width;
        }

        while (end > from && (text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' || (text[end - 1] == ')' && !openParenthesis)))
        {
            end--;
        }

        return end;
    }

    private static int ScanEmail(ReadOnlySpan<char> text, int start)
    {
        int p = start;
        while (p < text.Length && p - start <= MaxLocalPartLength && (IsAsciiLetterOrDigit(text[p]) || text[p] is '.' or '_' or '%' or '+' or '-'))
        {
            p++;
        }

        if (p >= text.Length || text[p] != '@' || p - start > MaxLocalPartLength || text[p - 1] == '.')
        {
            return 0;
        }

        int end = ScanDomain(text, p + 1, out int labels, out int lastLabelStart);
        if (end == 0 || labels < 2 || end - lastLabelStart < 2)
        {
            return 0;
        }

        foreach (char c in text[lastLabelStart..end])
        {
            if (!char.IsAsciiLetter(c))
            {
                return 0;
            }
        }

        return end;
    }

    // Labels of ASCII letters, digits and inner hyphens separated by dots: the end of the last label, or 0.
    private static int ScanDomain(ReadOnlySpan<char> text, int from, out int labels, out int lastLabelStart)
    {
        labels = 0;
        lastLabelStart = from;
        int end = 0;
        int p = from;
        while (true)
        {
            int labelStart = p;
            while (p < text.Length && p - labelStart <= MaxLabelLength && (IsAsciiLetterOrDigit(text[p]) || text[p] == '-'))
            {
                p++;
            }

            if (p - labelStart > MaxLabelLength || labels == MaxLabels)
            {
                return 0;
            }

            if (p == labelStart || text[labelStart] == '-' || text[p - 1] == '-')
            {
                break;
            }

            labels++;
            end = p;
            lastLabelStart = labelStart;
            if (p + 1 < text.Length && text[p] == '.' && IsAsciiLetterOrDigit(text[p + 1]))
            {
                p++;
                continue;
            }

            break;
        }

        // "abc.vnđ" is no domain: the name must not run on into a letter.
        if (end == 0 || (end < text.Length && (Classify(text, end, out _) & (Letter | Mark | Digit)) != 0))
        {
            return 0;
        }

        return end;
    }

    // "TP.", "ThS.", "v.v.", "PGS.TS.", "TP.HCM", "Q.1": the end of the abbreviation, or 0.
    private static int ScanDottedAbbreviation(ReadOnlySpan<char> text, int start)
    {
        if (AbbreviationTable.StartsWithNumberedPrefix(text[start..]))
        {
            int end = start + 2;
            while (end < text.Length && IsAsciiDigit(text[end]))
            {
                end++;
            }

            return end;
        }

        int matched = AbbreviationTable.MatchDotted(text[start..]);
        if (matched == 0)
        {
            return 0;
        }

        // Titles and places chain without a space: "PGS.TS.", "GS.TSKH", "TP.HCM".
        int p = start + matched;
        while (p < text.Length)
        {
            int more = AbbreviationTable.MatchDotted(text[p..]);
            if (more > 0)
            {
                p += more;
                continue;
            }

            int capitalsEnd = ScanCapitals(text, p);
            if (capitalsEnd - p >= 2)
            {
                p = capitalsEnd;
            }

            break;
        }

        return p;
    }

    // The end of a run of capitals (with their combining marks) at from, or from when the run is not all capitals.
    private static int ScanCapitals(ReadOnlySpan<char> text, int from)
    {
        int end = from;
        while (end < text.Length)
        {
            int cls = Classify(text, end, out int width);
            if ((cls & (Upper | Mark)) == 0 || (end == from && (cls & Upper) == 0))
            {
                break;
            }

            end += width;
        }

        return end < text.Length && (Classify(text, end, out _) & (Letter | Digit)) != 0 ? from : end;
    }

    private static Token ScanNumeric(ReadOnlySpan<char> text, int start)
    {
        int d = start;
        while (d < text.Length && IsAsciiDigit(text[d]))
        {
            d++;
        }

        if (d == start)
        {
            // Digits of another script: a plain number.
            int j = start;
            while (j < text.Length && (Classify(text, j, out int width) & Digit) != 0)
            {
                j += width;
            }

            return new Token(start, j - start, TokenKind.Number);
        }

        if (d < text.Length)
        {
            char separator = text[d];
            if (separator is '-' or '/' or '\u2013')
            {
                int code = ScanDocumentCode(text, start);
                if (code > 0)
                {
                    return new Token(start, code - start, TokenKind.DocumentCode);
                }
            }

            if (separator is '/' or '-' or '.' && d - start <= 2)
            {
                int date = VietnameseDateParser.ScanDayFirst(text, start, out _, out _, out _, out _);
                if (date > 0)
                {
                    return new Token(start, date - start, TokenKind.Date);
                }
            }
        }

        // Groups and decimals: "1.200.000", "36.000", "1,5"; then an optional percent sign.
        int end = d;
        while (end + 1 < text.Length && text[end] is '.' or ',' && IsAsciiDigit(text[end + 1]))
        {
            end += 2;
            while (end < text.Length && IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        if (end < text.Length && text[end] == '%')
        {
            end++;
        }

        return new Token(start, end - start, TokenKind.Number);
    }

    // "25-NQ/TW", "04/2015/NĐ-CP", "411/KH-UBND": the end of the code, or 0. The one code reader decides; a token
    // holds a code written without spaces and with a capital first letter, as codes stand in running text.
    private static int ScanDocumentCode(ReadOnlySpan<char> text, int start) =>
        DocumentCodeScanner.TryRead(text, start, out DocumentCodeShape shape) && !shape.Spaced && shape.StartsCapitalized(text) ? shape.End : 0;

    // Most punctuation is one character; runs of dots ("...") and the article end mark "./." are one token.
    private static Token ScanPunctuation(ReadOnlySpan<char> text, int start)
    {
        if (text[start] != '.')
        {
            return new Token(start, 1, TokenKind.Punctuation);
        }

        if (text[start..].StartsWith("./."))
        {
            return new Token(start, 3, TokenKind.Punctuation);
        }

        int end = start + 1;
        while (end < text.Length && text[end] == '.')
        {
            end++;
        }

        return new Token(start, end - start, TokenKind.Punctuation);
    }

    // A symbol is one code point (a surrogate pair is never split) with the combining marks and variation selectors
    // after it, and the rest of its emoji sequence: the second regional indicator of a flag (🇻🇳), skin-tone
    // modifiers (👍🏽), and pictures joined by U+200D (👨‍👩‍👧). A lone surrogate is a symbol of its own.
    private static Token ScanSymbol(ReadOnlySpan<char> text, int start, int width)
    {
        int end = WithMarks(text, start + width);
        if (IsSupplementaryIn(text, start, RegionalIndicatorLow, RegionalIndicatorHigh) && IsSupplementaryIn(text, end, RegionalIndicatorLow, RegionalIndicatorHigh))
        {
            end = WithMarks(text, end + 2);
        }

        while (end < text.Length)
        {
            if (IsSupplementaryIn(text, end, SkinToneLow, SkinToneHigh))
            {
                end = WithMarks(text, end + 2);
            }
            else if (CharFlags.IsEmojiJoiner(text, end))
            {
                end = WithMarks(text, end + (char.IsHighSurrogate(text[end + 1]) && end + 2 < text.Length && char.IsLowSurrogate(text[end + 2]) ? 3 : 2));
            }
            else
            {
                break;
            }
        }

        return new Token(start, end - start, TokenKind.Symbol);
    }

    // The end of the combining marks and variation selectors from end on.
    private static int WithMarks(ReadOnlySpan<char> text, int end)
    {
        while (end < text.Length && (Classify(text, end, out int next) & Mark) != 0)
        {
            end += next;
        }

        return end;
    }

    // Regional indicators U+1F1E6–U+1F1FF and skin-tone modifiers U+1F3FB–U+1F3FF, as the low surrogates after U+D83C.
    private const char RegionalIndicatorLow = '\uDDE6';
    private const char RegionalIndicatorHigh = '\uDDFF';
    private const char SkinToneLow = '\uDFFB';
    private const char SkinToneHigh = '\uDFFF';

    private static bool IsSupplementaryIn(ReadOnlySpan<char> text, int i, char low, char high) =>
        i + 1 < text.Length && text[i] == '\uD83C' && text[i + 1] >= low && text[i + 1] <= high;
}
