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
/// <para>Memory: 256 bytes of signature and 16 band entries of 12 bytes (in a table at most three quarters full) per article,
/// with its id, about 60 MB for 100,000 articles, in flat blocks. Texts of fewer
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

    // 1,024 signatures a block: flat blocks instead of an array an article (no object header, no pointer).
    private const int BlockShift = 10;
    private const int BlockMask = (1 << BlockShift) - 1;

    private readonly List<uint[]> _signatureBlocks = [];
    private readonly List<string> _ids = [];
    private readonly List<byte> _splits = [];

    // The band table: open addressing over two flat arrays, the first article to fill a band key owns it. A dictionary
    // entry costs twice as much and a dictionary grows by copying every entry at once.
    private ulong[] _bandKeys = new ulong[1 << 12];
    private int[] _bandOwners = new int[1 << 12];
    private int _bandCount;

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

        int self = _ids.Count;
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
            if (found is null && BandOwner(key) is int other)
            {
                double similarity = Similarity(signature, SignatureOf(other));
                if (similarity >= Threshold)
                {
                    found = new NearDuplicate(articleId, _ids[other], similarity, _splits[other]);
                }
            }
        }

        if ((self & BlockMask) == 0)
        {
            _signatureBlocks.Add(new uint[HashCount << BlockShift]);
        }

        signature.AsSpan(0, HashCount).CopyTo(_signatureBlocks[self >> BlockShift].AsSpan((self & BlockMask) * HashCount));
        _ids.Add(articleId);
        _splits.Add((byte)(found?.Split ?? split));
        foreach (ulong key in bandKeys)
        {
            AddBand(key, self);
        }

        return found;
    }

    private ReadOnlySpan<uint> SignatureOf(int article) =>
        _signatureBlocks[article >> BlockShift].AsSpan((article & BlockMask) * HashCount, HashCount);

    private int? BandOwner(ulong key)
    {
        int mask = _bandKeys.Length - 1;
        ulong stored = key == 0 ? 1 : key; // 0 marks an empty slot
        for (int i = (int)(StableHash.Mix(stored) & (ulong)mask); _bandKeys[i] != 0; i = (i + 1) & mask)
        {
            if (_bandKeys[i] == stored)
            {
                return _bandOwners[i];
            }
        }

        return null;
    }

    private void AddBand(ulong key, int owner)
    {
        if ((_bandCount + 1) * 4L > _bandKeys.Length * 3L)
        {
            GrowBands();
        }

        int mask = _bandKeys.Length - 1;
        ulong stored = key == 0 ? 1 : key;
        int i = (int)(StableHash.Mix(stored) & (ulong)mask);
        while (_bandKeys[i] != 0)
        {
            if (_bandKeys[i] == stored)
            {
                return; // owned by an earlier article
            }

            i = (i + 1) & mask;
        }

        _bandKeys[i] = stored;
        _bandOwners[i] = owner;
        _bandCount++;
    }

    private void GrowBands()
    {
        ulong[] keys = _bandKeys;
        int[] owners = _bandOwners;
        _bandKeys = new ulong[keys.Length * 2];
        _bandOwners = new int[keys.Length * 2];
        int mask = _bandKeys.Length - 1;
        for (int j = 0; j < keys.Length; j++)
        {
            if (keys[j] != 0)
            {
                int i = (int)(StableHash.Mix(keys[j]) & (ulong)mask);
                while (_bandKeys[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _bandKeys[i] = keys[j];
                _bandOwners[i] = owners[j];
            }
        }
    }

    // The share of equal bins among those that either text fills (a bin that both leave empty says nothing).
    private static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
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
