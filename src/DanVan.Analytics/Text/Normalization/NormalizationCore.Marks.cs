using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Text.Normalization;

// Combining marks: composed onto the letter the writer holds, or the cluster through the runtime's NFC.
internal static partial class NormalizationCore
{
    // Combining marks (and removed invisibles among them) after what the writer holds.
    private static bool TryWriteMarks(scoped ReadOnlySpan<char> marks, int sourceEnd, int floor, ref NormalizationWriter writer, ref CharFlag flagsRef)
    {
        int last = writer.Length - 1;
        if (last >= floor && TryComposeVietnamese(writer.Written[last], marks, out char composed))
        {
            writer.Written[last] = composed;
            writer.Origin = sourceEnd;
            return true;
        }

        // General case: the cluster from the last starter on, through the runtime's NFC.
        int clusterStart = writer.Length;
        while (clusterStart > floor && (Unsafe.Add(ref flagsRef, writer.Written[clusterStart - 1]) & CharFlag.MarkLike) != 0)
        {
            clusterStart--;
        }

        if (clusterStart > floor)
        {
            clusterStart--;
            if (clusterStart > floor && char.IsLowSurrogate(writer.Written[clusterStart]) && char.IsHighSurrogate(writer.Written[clusterStart - 1]))
            {
                clusterStart--;
            }
        }

        int written = writer.Length - clusterStart;
        char[]? rented = null;
        int capacity = written + marks.Length;
        Span<char> cluster = capacity <= 64 ? stackalloc char[64] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        writer.Written[clusterStart..].CopyTo(cluster);
        int length = written;
        foreach (char m in marks)
        {
            if ((Unsafe.Add(ref flagsRef, m) & CharFlag.Removed) == 0)
            {
                cluster[length++] = m;
            }
        }

        bool ok = TryNormalizeInto(cluster[..length], clusterStart, sourceEnd, ref writer);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return ok;
    }

    // NFC of a cluster that replaces the writer's characters from clusterStart on (or is appended when none).
    private static bool TryNormalizeInto(scoped ReadOnlySpan<char> cluster, int clusterStart, int sourceEnd, ref NormalizationWriter writer)
    {
        char[]? rented = null;
        int capacity = (cluster.Length * 3) + 8;
        Span<char> normalized = capacity <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        ReadOnlySpan<char> result = RuntimeNormalization.TryNormalize(cluster, normalized, out int length, NormalizationForm.FormC)
            ? normalized[..length]
            : cluster;
        bool ok = clusterStart < writer.Length
            ? writer.TryReplaceTail(clusterStart, result, sourceEnd)
            : writer.TryWriteCluster(result, sourceEnd);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return ok;
    }

    private static bool TryWriteNormalized(ReadOnlySpan<char> chars, int source, ref NormalizationWriter writer) =>
        TryNormalizeInto(chars, writer.Length, source + chars.Length, ref writer);

    /// <summary>
    /// Applies Vietnamese combining marks (tone: grave, acute, hook above, tilde, dot below, and the deprecated
    /// U+0340/U+0341; shape: circumflex, breve, horn) to a vowel letter, in any order.
    /// </summary>
    private static bool TryComposeVietnamese(char baseLetter, ReadOnlySpan<char> marks, out char composed)
    {
        composed = baseLetter;
        if (!VietnameseLetters.TryDecompose(baseLetter, out int vowel, out bool upper, out int tone))
        {
            return false;
        }

        foreach (char m in marks)
        {
            switch (m)
            {
                case '\u0300' or '\u0340' when tone == 0: tone = 1; break; // huyền
                case '\u0301' or '\u0341' when tone == 0: tone = 2; break; // sắc
                case '\u0309' when tone == 0: tone = 3; break; // hỏi
                case '\u0303' when tone == 0: tone = 4; break; // ngã
                case '\u0323' when tone == 0: tone = 5; break; // nặng
                case '\u0302' when vowel is VietnameseLetters.A or VietnameseLetters.E or VietnameseLetters.O:
                    vowel = vowel == VietnameseLetters.A ? VietnameseLetters.ACircumflex
                        : vowel == VietnameseLetters.E ? VietnameseLetters.ECircumflex : VietnameseLetters.OCircumflex;
                    break;
                case '\u0306' when vowel == VietnameseLetters.A: vowel = VietnameseLetters.ABreve; break;
                case '\u031B' when vowel is VietnameseLetters.O or VietnameseLetters.U:
                    vowel = vowel == VietnameseLetters.O ? VietnameseLetters.OHorn : VietnameseLetters.UHorn;
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break; // removed
                default:
                    return false;
            }
        }

        composed = VietnameseLetters.Compose(vowel, upper, tone);
        return true;
    }
}
