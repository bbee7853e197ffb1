using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Datasets.Dedupe;

/// <summary>A near duplicate found: the later article, the earlier one it copies, and the estimated Jaccard similarity.</summary>
/// <param name="ArticleId">The later article.</param>
/// <param name="DuplicateOf">The earlier article.</param>
/// <param name="Similarity">The MinHash estimate of the Jaccard similarity of their shingle sets.</param>
/// <param name="Split">The split of the earlier article, which the later one joins.</param>
public sealed record NearDuplicate(string ArticleId, string DuplicateOf, double Similarity, int Split);

/// <summary>
/// Finds articles that nearly repeat an earlier one (the same story on two sites, with different boilerplate around it):
/// MinHash over word 5-shingles with locality-sensitive hashing.
/// </summary>
/// <remarks>
/// <para>Words are the tokenizer's syllables and numbers, lower-cased, accents kept. Each article gets
/// <see cref="HashCount"/> = 64 minimum hashes by one-permutation hashing (each shingle's hash falls into one of 64 bins and
/// competes for that bin's minimum); 16 bands of 4 rows make candidates (pairs with a Jaccard similarity of
/// 0.5 become candidates with probability 0.64, of 0.7 with 0.99, of 0.8 with 0.9998), and a candidate is a
/// duplicate when the share of equal minimum hashes, an estimate of the Jaccard similarity, is at least
/// <see cref="Threshold"/> (0.7 by default).</para>
/// <para>Memory: 256 bytes of signature and 16 band entries per article, about 30 MB for 100,000 articles. Texts of fewer
/// than <see cref="MinShingles"/> shingles are not compared (short texts share too much by chance).</para>
/// </remarks>
public sealed class NearDuplicateIndex
{
    /// <summary>The number of minimum hashes per article.</summary>
    public const int HashCount = 64;

    /// <summary>The number of words in a shingle.</summary>
    public const int ShingleWords = 5;

    /// <summary>Below this many shingles a text is not compared.</summary>
    public const int MinShingles = 20;

    private const int Bands = 16;
    private const int BinBits = 6; // 2^6 = HashCount bins
    private const int Rows = HashCount / Bands;

    private readonly Dictionary<ulong, int> _bandOwners = [];
    private readonly List<uint[]> _signatures = [];
    private readonly List<string> _ids = [];
    private readonly List<byte> _splits = [];

    /// <summary>Creates an index with the similarity <paramref name="threshold"/>.</summary>
    public NearDuplicateIndex(double threshold = 0.7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>The least estimated Jaccard similarity of a duplicate.</summary>
    public double Threshold { get; }

    /// <summary>
    /// Looks the article (by its <paramref name="signature"/>) up among the articles added before and adds it. Returns the earlier article it nearly
    /// repeats, or null.
    /// </summary>
    /// <param name="articleId">The article.</param>
    /// <param name="signature">Its <see cref="Signature"/>; null (a short text) is neither looked up nor added.</param>
    /// <param name="split">The split the article goes to when it is no duplicate.</param>
    public NearDuplicate? FindAndAdd(string articleId, uint[]? signature, int split)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        if (signature is null)
        {
            return null;
        }

        int self = _signatures.Count;
        NearDuplicate? found = null;
        Span<ulong> bandKeys = stackalloc ulong[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong key = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (int r = 0; r < Rows; r++)
            {
                key = StableHash.Mix(key ^ signature[(b * Rows) + r]);
            }

            bandKeys[b] = key;
            if (found is null && _bandOwners.TryGetValue(key, out int other))
            {
                double similarity = Similarity(signature, _signatures[other]);
                if (similarity >= Threshold)
                {
                    found = new NearDuplicate(articleId, _ids[other], similarity, _splits[other]);
                }
            }
        }

        _signatures.Add(signature);
        _ids.Add(articleId);
        _splits.Add((byte)(found?.Split ?? split));
        foreach (ulong key in bandKeys)
        {
            _bandOwners.TryAdd(key, self);
        }

        return found;
    }

    // The share of equal bins among those that either text fills (a bin that both leave empty says nothing).
    private static double Similarity(uint[] a, uint[] b)
    {
        int equal = 0;
        int filled = 0;
        for (int i = 0; i < HashCount; i++)
        {
            bool any = a[i] != uint.MaxValue || b[i] != uint.MaxValue;
            filled += any ? 1 : 0;
            equal += any && a[i] == b[i] ? 1 : 0;
        }

        return filled == 0 ? 0 : equal / (double)filled;
    }

    /// <summary>
    /// The MinHash signature of <paramref name="text"/>: per bin, the least hash of the text's shingles that fall into it
    /// (one-permutation hashing); null for a text of fewer than <see cref="MinShingles"/> shingles.
    /// Thread-safe, so signatures can be computed in parallel and looked up in order.
    /// </summary>
    public static uint[]? Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<ulong> window = stackalloc ulong[ShingleWords];
        Span<char> lower = stackalloc char[64];
        var minimums = new uint[HashCount];
        minimums.AsSpan().Fill(uint.MaxValue);
        int words = 0;
        int shingles = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            if (token.Kind is not (TokenKind.Syllable or TokenKind.Number or TokenKind.DocumentCode or TokenKind.Abbreviation or TokenKind.Date))
            {
                continue;
            }

            ReadOnlySpan<char> word = text.AsSpan(token.Start, Math.Min(token.Length, lower.Length));
            int n = word.ToLowerInvariant(lower);
            window[words % ShingleWords] = StableHash.Fnv1a(lower[..n]);
            words++;
            if (words < ShingleWords)
            {
                continue;
            }

            ulong shingle = 0;
            for (int k = 0; k < ShingleWords; k++)
            {
                // In word order: the window is a ring whose oldest word sits at words % ShingleWords.
                shingle = StableHash.Mix(shingle ^ window[(words + k) % ShingleWords]);
            }

            // One permutation hashing: the shingle's top bits choose a bin, the rest compete for its minimum. One hash a
            // shingle instead of one per function, with the same estimate of the Jaccard similarity over the bins.
            shingles++;
            ulong mixed = StableHash.Mix(shingle);
            int bin = (int)(mixed >> (64 - BinBits));
            uint value = (uint)mixed;
            if (value < minimums[bin])
            {
                minimums[bin] = value;
            }
        }

        return shingles < MinShingles ? null : minimums;
    }
}
