using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

// The rewrite: the text unit by unit into a NormalizationWriter, words through the syllable rules.
internal static partial class NormalizationCore
{
    /// <summary>
    /// The length of the prefix of <paramref name="text"/> (up to <paramref name="limit"/>) that can be normalized
    /// apart from what follows: it ends after a whitespace character (not followed by a combining mark), because
    /// every decision depends on one word and the characters around it. 0 when there is no such whitespace.
    /// </summary>
    public static int LastBreak(ReadOnlySpan<char> text, int limit)
    {
        for (int k = Math.Min(limit, text.Length) - 1; k >= 0; k--)
        {
            if (IsBreakAt(text, k))
            {
                return k + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Normalizes <paramref name="source"/>[<paramref name="start"/>..] into <paramref name="writer"/>, unit by unit.
    /// </summary>
    /// <returns>The source offset where writing stopped: the length of the source, or, when the writer is full, the
    /// last place after whitespace before the unit that did not fit (the writer then holds everything before it).</returns>
    public static int Rewrite(ReadOnlySpan<char> source, int start, ToneStyle style, ref NormalizationWriter writer)
    {
        ReadOnlySpan<CharFlag> flags = CharFlags.Table;
        ref CharFlag flagsRef = ref MemoryMarshal.GetReference(flags);
        int i = start;
        (int Source, int Length, int Origin) checkpoint = (start, writer.Length, writer.Origin);
        int backoff = 0;
        int backoffStep = 0;
        while (i < source.Length)
        {
            if (i > start && IsBreakAt(source, i - 1))
            {
                checkpoint = (i, writer.Length, writer.Origin);

                // Text with few changes (a stray NBSP): let the fast scan find the next change and copy up to it.
                // Where changes are dense (NFD) it finds one at once, and waits longer each time (up to 16 words).
                if (backoff-- <= 0)
                {
                    int change = FindFirstChange(source[i..], style);
                    int skip = change < 0 ? source.Length - i : LastBreak(source[i..], change);
                    if (skip > 0)
                    {
                        if (!writer.TryCopy(source.Slice(i, skip), i))
                        {
                            writer.Length = checkpoint.Length;
                            writer.Origin = checkpoint.Origin;
                            return checkpoint.Source;
                        }

                        i += skip;
                        backoffStep = 0;
                        continue;
                    }

                    backoffStep = Math.Min((backoffStep * 2) + 1, 16);
                    backoff = backoffStep;
                }
            }

            char c = source[i];
            CharFlag f = flags[c];
            bool ok;
            int next;
            if ((f & CharFlag.Word) != 0 || NextIsMark(source, i))
            {
                next = WordEnd(source, i, source.Length);
                ok = TryWriteWord(source, i, next, style, ref writer, ref flagsRef);
            }
            else
            {
                next = i + 1;
                if ((f & CharFlag.Space) != 0)
                {
                    ok = writer.TryWrite(' ', i);
                }
                else if ((f & CharFlag.Unstable) != 0)
                {
                    ok = TryWriteNormalized(source.Slice(i, 1), i, ref writer);
                }
                else
                {
                    // Copy a run of characters that normalization leaves alone.
                    while (next < source.Length && IsPlainOutsideWords(source, next, ref flagsRef))
                    {
                        next++;
                    }

                    ok = writer.TryCopy(source[i..next], i);
                }
            }

            if (!ok)
            {
                writer.Length = checkpoint.Length;
                writer.Origin = checkpoint.Origin;
                return checkpoint.Source;
            }

            i = next;
        }

        return i;
    }

    // A character that stays as it is and starts no word: neither word, space, removed nor unstable,
    // and not the base of a following mark.
    private static bool IsPlainOutsideWords(ReadOnlySpan<char> s, int i, ref CharFlag flagsRef)
    {
        CharFlag f = Unsafe.Add(ref flagsRef, s[i]);
        if ((f & (CharFlag.Word | CharFlag.Space | CharFlag.Unstable)) != 0 || CharFlags.IsApostrophe(s[i]))
        {
            return false;
        }

        return !NextIsMark(s, i);
    }

    private static bool TryWriteWord(ReadOnlySpan<char> source, int start, int end, ToneStyle style, ref NormalizationWriter writer, ref CharFlag flagsRef)
    {
        int wordOutput = writer.Length;
        int analysisStart = wordOutput;
        bool toned = false;
        bool special = false;
        for (int k = start; k < end; k++)
        {
            CharFlag f = Unsafe.Add(ref flagsRef, source[k]);
            toned |= (f & CharFlag.Toned) != 0;
            special |= (f & CharFlag.Special) != 0;
        }

        if (!special)
        {
            if (!writer.TryCopy(source[start..end], start))
            {
                return false;
            }
        }
        else
        {
            int k = start;
            while (k < end)
            {
                char c = source[k];
                CharFlag f = Unsafe.Add(ref flagsRef, c);
                bool ok;
                if ((f & CharFlag.Removed) != 0 && !CharFlags.IsEmojiJoiner(source, k))
                {
                    k++;
                    continue; // counted with the next written character
                }

                if ((f & CharFlag.MarkLike) != 0)
                {
                    int marksEnd = k + 1;
                    while (marksEnd < end && (Unsafe.Add(ref flagsRef, source[marksEnd]) & (CharFlag.MarkLike | CharFlag.Removed)) != 0
                        && !CharFlags.IsEmojiJoiner(source, marksEnd))
                    {
                        marksEnd++;
                    }

                    ok = TryWriteMarks(source[k..marksEnd], marksEnd, wordOutput, ref writer, ref flagsRef);
                    k = marksEnd;
                }
                else if ((f & CharFlag.Space) != 0)
                {
                    ok = writer.TryWrite(' ', k);
                    k++;
                }
                else if (char.IsHighSurrogate(c) && k + 1 < end && char.IsLowSurrogate(source[k + 1]))
                {
                    ok = TryWriteNormalized(source.Slice(k, 2), k, ref writer);
                    k += 2;
                }
                else if ((f & CharFlag.Unstable) != 0 && !char.IsSurrogate(c))
                {
                    ok = TryWriteNormalized(source.Slice(k, 1), k, ref writer);
                    k++;
                }
                else
                {
                    ok = writer.TryWrite(c, k);
                    k++;
                }

                if (!ok)
                {
                    return false;
                }
            }

            // Composition may have produced toned letters: let the word test below decide.
            toned = true;

            // A unit that starts with the base of combining marks ("=" U+0338 → "≠") is read as a word from its first
            // word character on, as the normalized text will be read again.
            while (analysisStart < writer.Length && (Unsafe.Add(ref flagsRef, writer.Written[analysisStart]) & CharFlag.Word) == 0)
            {
                analysisStart++;
            }

            FixEth(writer.Written[analysisStart..]);
        }

        if (toned && style != ToneStyle.Preserve && !IsInCode(writer.Written[..analysisStart], source[end..]))
        {
            Span<char> word = writer.Written[analysisStart..];
            if (MayHaveMisplacedTone(word, style)
                && VietnameseSyllable.TryPlaceTone(word, style, out int current, out int target) && current >= 0 && current != target)
            {
                VietnameseLetters.TryDecompose(word[current], out _, out _, out int tone);
                word[current] = VietnameseLetters.WithTone(word[current], 0);
                word[target] = VietnameseLetters.WithTone(word[target], tone);
            }
        }

        return true;
    }

    /// <summary>
    /// The look-alike rule: <c>Ð</c>/<c>ð</c> (ETH) becomes <c>Đ</c>/<c>đ</c> (D WITH STROKE) in a word that reads as
    /// Vietnamese: at the start of a word that with Đ is a plausible syllable (Ðảng, ÐỒNG, Ðà), or whose rest holds a
    /// letter only Vietnamese spells (a shape mark or a hỏi/ngã/nặng tone: Ðắk); or anywhere in an upper-case
    /// abbreviation of ASCII letters (HÐND, QÐ, VÐV, BÐBP). Icelandic and Faroese words never start with ð and
    /// are written in mixed case, so their ð stays (Guðrún, með, Þórður).
    /// </summary>
    private static void FixEth(Span<char> word)
    {
        if (word.IndexOfAny('\u00D0', '\u00F0') < 0)
        {
            return;
        }

        if (IsUpperAbbreviation(word))
        {
            word.Replace('\u00D0', '\u0110');
            return;
        }

        if (word[0] is not ('\u00D0' or '\u00F0'))
        {
            return;
        }

        char eth = word[0];
        word[0] = eth == '\u00D0' ? '\u0110' : '\u0111';
        if (!VietnameseSyllable.IsPlausible(word) && !HasVietnameseOnlyLetter(word[1..]))
        {
            word[0] = eth;
        }
    }

    private static bool HasVietnameseOnlyLetter(ReadOnlySpan<char> rest)
    {
        bool any = false;
        foreach (char c in rest)
        {
            if (VietnameseLetters.TryDecompose(c, out int vowel, out _, out int tone))
            {
                any |= VietnameseLetters.HasShapeMark(vowel) || tone >= 3;
            }
            else if (!char.IsAsciiLetter(c) && c is not ('Đ' or 'đ'))
            {
                return false;
            }
        }

        return any;
    }

    // Two to ten letters, all upper-case ASCII or Ð/Đ, at least one Ð.
    private static bool IsUpperAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 10)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!char.IsAsciiLetterUpper(c) && c is not ('\u00D0' or '\u0110'))
            {
                return false;
            }
        }

        return true;
    }
}
