using System.Globalization;

namespace DanVan.Analytics.Extraction.ModelCounts;

/// <summary>
/// Finds counts of "mô hình" / "điển hình": a number (Vietnamese digit grouping "36.000", decimals "1,2",
/// number words "nghìn", "vạn", "triệu", "hàng trăm"), the qualifier before it, a fraction's first part
/// ("105/130 mô hình": 105), the counted noun, and the movement, scope and period of the sentence.
/// Percentages and counts of other nouns are not model counts.
/// </summary>
internal static class ModelCountExtractor
{
    public static IReadOnlyList<ModelCount> Extract(ExtractionContext context)
    {
        string text = context.Text;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        ReadOnlySpan<WordFlags> flags = context.Flags;
        ExtractionLexicon lexicon = context.Lexicon;
        var result = new List<ModelCount>();
        for (int i = 1; i < tokens.Length; i++)
        {
            if ((flags[i] & WordFlags.CountedNoun) == 0)
            {
                continue;
            }

            int nounWords = lexicon.CountedNouns.Match(text, tokens, i, out _);
            if (nounWords == 0 || !TryReadValue(context, i, out long value, out int valueStart, out CountQualifier qualifier))
            {
                continue;
            }

            int nounEnd = i + nounWords;
            // "mô hình, điển hình" / "mô hình và điển hình" / "mô hình/điển hình": one count of both nouns.
            int joiner = nounEnd;
            if ((context.IsPunct(joiner, ',') || context.IsPunct(joiner, '/') || context.IsWord(joiner, "và") || context.IsWord(joiner, "hoặc"))
                && lexicon.CountedNouns.Match(text, tokens, joiner + 1, out _) is int second and > 0)
            {
                nounEnd = joiner + 1 + second;
            }

            int qualifierStart = valueStart;
            if (qualifier == CountQualifier.Exact)
            {
                int q = lexicon.Qualifiers.MatchEndingAt(text, tokens, valueStart, 3, out CountQualifier written);
                if (q > 0)
                {
                    qualifier = written;
                    qualifierStart = valueStart - q;
                }
            }

            int start = tokens[qualifierStart].Start;
            int end = tokens[nounEnd - 1].End;
            var span = context.ToOriginal(start, end);
            result.Add(new ModelCount(
                context.OriginalSurface(span), span, context.SentenceOf(start), context.Clean(start, end), value, qualifier,
                context.CleanTokens(i, nounEnd), FindMovement(context, i, nounEnd), FindScope(context, qualifierStart), FindPeriod(context, qualifierStart)));
            i = nounEnd - 1;
        }

        return result;
    }

    // Reads the count written before the noun at token `noun`.
    private static bool TryReadValue(ExtractionContext context, int noun, out long value, out int start, out CountQualifier qualifier)
    {
        string text = context.Text;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        ExtractionLexicon lexicon = context.Lexicon;
        value = 0;
        start = noun;
        qualifier = CountQualifier.Exact;
        int k = noun - 1;

        // "1.350 lượt điển hình": a classifier between the number and the noun.
        if (k > 0 && context.Tokens[k].IsWord && lexicon.CountClassifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.Tokens[k].In(text)))
        {
            k--;
        }

        // "hàng trăm mô hình", "hàng nghìn mô hình": vague.
        if (lexicon.VagueWords.Match(text, tokens, k, out long magnitude) == 1 && context.IsWord(k - 1, "hàng"))
        {
            value = magnitude;
            start = k - 1;
            qualifier = CountQualifier.Vague;
            return true;
        }

        long multiplier = 1;
        if (lexicon.Multipliers.Match(text, tokens, k, out long m) == 1 && k - 1 >= 0 && tokens[k - 1].Kind == WordKind.Number)
        {
            multiplier = m;
            k--;
        }

        if (k >= 0 && tokens[k].Kind == WordKind.Number)
        {
            if (!TryParseNumber(tokens[k].In(text), multiplier, out value))
            {
                return false;
            }

            start = k;
            // "105/130 mô hình": 105 of 130 planned.
            if (context.IsPunct(k - 1, '/') && k - 2 >= 0 && tokens[k - 2].Kind == WordKind.Number
                && tokens[k - 2].End == tokens[k - 1].Start && tokens[k - 1].End == tokens[k].Start
                && TryParseNumber(tokens[k - 2].In(text), multiplier, out long done))
            {
                value = done;
                start = k - 2;
            }

            return !IsPartOfCode(context, start);
        }

        if (multiplier == 1 && lexicon.DigitWords.Match(text, tokens, k, out long digit) == 1 && !tokens[k].Capitalized)
        {
            value = digit;
            start = k;
            return true;
        }

        return false;
    }

    // "Quyết định 25-QĐ/TW mô hình" and dates such as "3/6" are not counts.
    private static bool IsPartOfCode(ExtractionContext context, int numberToken)
    {
        int before = numberToken - 1;
        return before >= 0 && context.Tokens[before].End == context.Tokens[numberToken].Start
            && (context.IsPunct(before, '/') || context.IsPunct(before, '-') || context.IsPunct(before, '.'));
    }

    /// <summary>Parses a Vietnamese number: "." groups thousands, "," marks decimals; times a multiplier.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<char> number, long multiplier, out long value)
    {
        value = 0;
        Span<char> digits = stackalloc char[Math.Min(number.Length, 32)];
        if (number.Length > digits.Length)
        {
            return false;
        }

        int n = 0;
        int decimalDigits = -1;
        int commas = 0;
        foreach (char c in number)
        {
            if (c == '.')
            {
                continue;
            }

            if (c == ',')
            {
                commas++;
                decimalDigits = 0;
                continue;
            }

            digits[n++] = c;
            if (decimalDigits >= 0)
            {
                decimalDigits++;
            }
        }

        // "1,234" with three digits after a single comma is English-style grouping; read it as thousands.
        if (commas > 1 || (commas == 1 && decimalDigits == 3 && multiplier == 1))
        {
            decimalDigits = -1;
        }

        if (!decimal.TryParse(digits[..n], NumberStyles.None, CultureInfo.InvariantCulture, out decimal whole))
        {
            return false;
        }

        for (int d = 0; d < decimalDigits; d++)
        {
            whole /= 10;
        }

        decimal result = whole * multiplier;
        if (result > long.MaxValue)
        {
            return false;
        }

        value = (long)decimal.Round(result, MidpointRounding.AwayFromZero);
        return true;
    }

    // The movement named in the count's sentence: the first after the noun, else the last before it.
    private static string? FindMovement(ExtractionContext context, int noun, int nounEnd)
    {
        string text = context.Text;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int sentenceStart = context.SentenceStart(tokens[noun].Start);
        int sentenceEnd = context.SentenceEnd(tokens[noun].Start);
        for (int k = nounEnd; k < tokens.Length && tokens[k].Start < sentenceEnd && k < nounEnd + 40; k++)
        {
            if (context.Lexicon.Movements.Match(text, tokens, k, out string movement) > 0)
            {
                return movement;
            }
        }

        string? last = null;
        for (int k = noun - 1; k >= 0 && tokens[k].Start >= sentenceStart && k > noun - 80; k--)
        {
            if (context.Lexicon.Movements.Match(text, tokens, k, out string movement) > 0)
            {
                last = movement;
                break;
            }
        }

        return last;
    }

    private static string? FindScope(ExtractionContext context, int valueStart)
    {
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int sentenceStart = context.SentenceStart(tokens[valueStart].Start);
        for (int k = valueStart - 1; k >= 0 && tokens[k].Start >= sentenceStart && k > valueStart - 60; k--)
        {
            int n = context.Lexicon.Scopes.Match(context.Text, tokens, k, out _);
            if (n > 0 && k + n <= valueStart)
            {
                return context.CleanTokens(k, k + n);
            }
        }

        return null;
    }

    // "giai đoạn (từ) 2013 - 2017", "nhiệm kỳ 2020 - 2025", "từ năm 2015 đến nay", "năm 2023" in the count's sentence.
    private static string? FindPeriod(ExtractionContext context, int valueStart)
    {
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int sentenceStart = context.SentenceStart(tokens[valueStart].Start);
        int sentenceEnd = context.SentenceEnd(tokens[valueStart].Start);
        int from = valueStart;
        while (from > 0 && tokens[from - 1].Start >= sentenceStart && from > valueStart - 60)
        {
            from--;
        }

        for (int k = from; k < tokens.Length && tokens[k].Start < sentenceEnd && k < valueStart + 60; k++)
        {
            int head = 0;
            if ((context.IsWord(k, "giai") && context.IsWord(k + 1, "đoạn")) || (context.IsWord(k, "nhiệm") && context.IsWord(k + 1, "kỳ")))
            {
                head = 2;
            }

            if (head > 0)
            {
                int y = k + head;
                if (context.IsWord(y, "từ"))
                {
                    y++;
                }

                if (context.IsWord(y, "năm"))
                {
                    y++;
                }

                if (IsYear(context, y) && context.IsDash(y + 1) && IsYear(context, y + 2))
                {
                    return context.CleanTokens(k, y + 3);
                }

                if (IsYear(context, y) && context.IsWord(y + 1, "đến") && IsYear(context, y + 2))
                {
                    return context.CleanTokens(k, y + 3);
                }
            }

            if (context.IsWord(k, "từ") && context.IsWord(k + 1, "năm") && IsYear(context, k + 2))
            {
                int end = k + 3;
                if (context.IsWord(end, "đến") && (context.IsWord(end + 1, "nay") || IsYear(context, end + 1)))
                {
                    end += 2;
                }

                return context.CleanTokens(k, end);
            }

            if (context.IsWord(k, "năm") && IsYear(context, k + 1) && !context.IsPunct(k + 2, '-'))
            {
                return context.CleanTokens(k, k + 2);
            }
        }

        return null;
    }

    private static bool IsYear(ExtractionContext context, int k) =>
        (uint)k < (uint)context.Tokens.Length && context.Tokens[k].Kind == WordKind.Number && context.Tokens[k].Length == 4
        && context.Text[context.Tokens[k].Start] is '1' or '2';
}
