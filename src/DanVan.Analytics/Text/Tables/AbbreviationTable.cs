using System.Text;

namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// Vietnamese abbreviations the tokenizer cannot tell by their letters alone: the ones written with a dot
/// (which would otherwise read as the end of a sentence) and the mixed-case ones. Words of two or more
/// letters all in capitals (UBND, HĐND, MTTQ, BCH, TW, ĐCSVN) need no entry, unless they spell a Vietnamese syllable
/// that a headline in capitals would read as a word (TƯ).
/// </summary>
/// <remarks>Collected by hand from Vietnamese news; extend the arrays, nothing else needs to change.</remarks>
internal static class AbbreviationTable
{
    /// <summary>
    /// Abbreviations written with dots, matched case-sensitively at the start of a word; an entry that ends in a
    /// letter matches only where no letter follows. The final dot is part of the token, so "TP. Hồ Chí Minh" and
    /// "ThS. Nguyễn Văn A" do not end a sentence.
    /// </summary>
    public static readonly string[] Dotted =
    [
        "TP.",   // thành phố (city)
        "Tp.",   // thành phố
        "TX.",   // thị xã (town)
        "TT.",   // thị trấn (township)
        "ThS.",  // thạc sĩ (master)
        "Ths.",  // thạc sĩ
        "Th.S.", // thạc sĩ
        "Th.S",  // thạc sĩ, written without the final dot
        "TS.",   // tiến sĩ (doctor)
        "TSKH.", // tiến sĩ khoa học
        "PGS.",  // phó giáo sư (associate professor)
        "GS.",   // giáo sư (professor)
        "BS.",   // bác sĩ (physician)
        "KS.",   // kỹ sư (engineer)
        "NCS.",  // nghiên cứu sinh (doctoral candidate)
        "NXB.",  // nhà xuất bản (publisher)
        "Tr.",   // trang (page)
        "v.v.",  // vân vân (et cetera)
    ];

    /// <summary>
    /// One-letter prefixes that join a number after their dot into one token: "Q.1" (quận 1, district 1),
    /// "P.12" (phường 12, ward 12).
    /// </summary>
    public static readonly string[] NumberedPrefixes = ["Q.", "P."];

    /// <summary>Abbreviations in mixed case, recognized without a dot: "ThS Nguyễn Văn A", "17/CT-TTg".</summary>
    public static readonly string[] MixedCase =
    [
        "ThS",  // thạc sĩ
        "TSKH", // tiến sĩ khoa học (all capitals, listed for completeness)
        "TTg",  // Thủ tướng (Prime Minister), in document codes
        "QĐi",  // quy định (regulation), in Party document codes
        "Ctr",  // chương trình (programme), in Party document codes
        "TTr",  // tờ trình (submission)
        "HĐi",  // hướng dẫn (guidance) in some Party codes
    ];

    /// <summary>
    /// Abbreviations in capitals that spell a Vietnamese syllable, so that a headline's capitals around them do not
    /// turn them into words: "Ban Chấp hành TƯ".
    /// </summary>
    public static readonly string[] SyllableShaped =
    [
        "TƯ", // trung ương (central), as in "Ban Chấp hành TƯ" and "NQ/TƯ"
    ];

    /// <summary>True when every entry of <see cref="Dotted"/> and <see cref="NumberedPrefixes"/> is ASCII.</summary>
    public static bool DottedAreAscii { get; } = Dotted.Concat(NumberedPrefixes).All(entry => Ascii.IsValid(entry));

    /// <summary>The length of the longest entry of <see cref="Dotted"/> that <paramref name="text"/> starts with, or 0.</summary>
    public static int MatchDotted(ReadOnlySpan<char> text)
    {
        int best = 0;
        foreach (string entry in Dotted)
        {
            if (entry.Length > best && text.StartsWith(entry, StringComparison.Ordinal)
                && (entry[^1] == '.' || text.Length == entry.Length || !char.IsLetterOrDigit(text[entry.Length])))
            {
                best = entry.Length;
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="word"/> is one of <see cref="MixedCase"/>.</summary>
    public static bool IsMixedCase(ReadOnlySpan<char> word) => IsOneOf(MixedCase, word);

    /// <summary>True when <paramref name="word"/> is one of <see cref="SyllableShaped"/>.</summary>
    public static bool IsSyllableShaped(ReadOnlySpan<char> word) => IsOneOf(SyllableShaped, word);

    /// <summary>True when <paramref name="text"/> starts with one of <see cref="NumberedPrefixes"/> followed by a digit.</summary>
    public static bool StartsWithNumberedPrefix(ReadOnlySpan<char> text)
    {
        foreach (string entry in NumberedPrefixes)
        {
            if (text.Length > entry.Length && text.StartsWith(entry, StringComparison.Ordinal) && char.IsAsciiDigit(text[entry.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(string[] entries, ReadOnlySpan<char> word)
    {
        foreach (string entry in entries)
        {
            if (word.SequenceEqual(entry))
            {
                return true;
            }
        }

        return false;
    }
}
