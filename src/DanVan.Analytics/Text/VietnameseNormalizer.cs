using System.Text;

namespace DanVan.Analytics.Text;

/// <summary>
/// Makes the many encodings of the same Vietnamese text one: Unicode NFC, the look-alike
/// <c>Ð</c>/<c>ð</c> written as <c>Đ</c>/<c>đ</c>, and tone marks placed as <see cref="ToneStyle"/> says.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class VietnameseNormalizer
{
    /// <summary>A normalizer with <see cref="VietnameseNormalizerOptions.Default"/>.</summary>
    public static VietnameseNormalizer Default { get; } = new(VietnameseNormalizerOptions.Default);

    /// <summary>Creates a normalizer.</summary>
    /// <param name="options">The options; <see cref="VietnameseNormalizerOptions.Default"/> when null.</param>
    public VietnameseNormalizer(VietnameseNormalizerOptions? options = null)
    {
        Options = options ?? VietnameseNormalizerOptions.Default;
    }

    /// <summary>The options this normalizer applies.</summary>
    public VietnameseNormalizerOptions Options { get; }

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    /// <returns>The same instance when <paramref name="text"/> is already canonical.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NormalizeWithOffsets(text).Text;
    }

    /// <summary>Normalizes <paramref name="text"/> and keeps the map back to its offsets.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFastCanonical(text))
        {
            return new NormalizedText(text, text, null);
        }

        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        int i = 0;
        while (i < text.Length)
        {
            int end = i + 1;
            while (end < text.Length && IsCombiningMark(text[end]))
            {
                end++;
            }

            string cluster = end - i == 1 ? MapLookAlike(text[i]).ToString() : ComposeCluster(text.AsSpan(i, end - i));
            foreach (char c in cluster)
            {
                builder.Append(c);
                map.Add(i);
            }

            i = end;
        }

        map.Add(text.Length);
        string normalized = builder.ToString();
        return normalized == text ? new NormalizedText(text, text, null) : new NormalizedText(text, normalized, map.ToArray());
    }

    private static bool IsFastCanonical(string text)
    {
        foreach (char c in text)
        {
            if (c is '\u00D0' or '\u00F0' || (c >= '\u0300' && (IsCombiningMark(c) || char.IsSurrogate(c))))
            {
                return false;
            }
        }

        return text.IsNormalized(NormalizationForm.FormC);
    }

    private static string ComposeCluster(ReadOnlySpan<char> cluster)
    {
        Span<char> buffer = stackalloc char[cluster.Length];
        cluster.CopyTo(buffer);
        buffer[0] = MapLookAlike(buffer[0]);
        string s = buffer.ToString();
        try
        {
            return s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates make string.Normalize throw; keep the cluster as it is.
            return s;
        }
    }

    private static char MapLookAlike(char c) => c switch
    {
        '\u00D0' => '\u0110', // Ð LATIN CAPITAL LETTER ETH → Đ LATIN CAPITAL LETTER D WITH STROKE
        '\u00F0' => '\u0111', // ð LATIN SMALL LETTER ETH → đ LATIN SMALL LETTER D WITH STROKE
        _ => c,
    };

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';
}
