using System.Runtime.CompilerServices;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>
/// An immutable open-hashing table from lower-case words to <see cref="WordFlags"/>, looked up with the word as
/// written: the hash and the comparison lower-case on the fly, so a lookup allocates nothing and most words,
/// which are in no lexicon, cost one hash and one empty bucket.
/// </summary>
internal sealed class WordFlagTable
{
    private readonly int[] _buckets; // index + 1 of the first entry, 0 when empty
    private readonly string[] _keys;
    private readonly WordFlags[] _values;
    private readonly int[] _next; // index + 1 of the next entry in the chain, 0 at its end
    private readonly int _mask;

    public WordFlagTable(IReadOnlyDictionary<string, WordFlags> entries)
    {
        int size = 16;
        while (size < entries.Count * 4)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        _mask = size - 1;
        _keys = new string[entries.Count];
        _values = new WordFlags[entries.Count];
        _next = new int[entries.Count];
        int i = 0;
        foreach (var (key, value) in entries)
        {
            string lower = key.ToLowerInvariant();
            MaxLength = Math.Max(MaxLength, lower.Length);
            _keys[i] = lower;
            _values[i] = value;
            int bucket = (int)(Hash(lower) & (uint)_mask);
            _next[i] = _buckets[bucket];
            _buckets[bucket] = i + 1;
            i++;
        }
    }

    /// <summary>The length of the longest word in the table.</summary>
    public int MaxLength { get; }

    /// <summary>The flags of <paramref name="word"/> in any case; <see cref="WordFlags.None"/> when it is not in the table.</summary>
    public WordFlags Get(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxLength)
        {
            return WordFlags.None;
        }

        for (int e = _buckets[Hash(word) & (uint)_mask]; e != 0; e = _next[e - 1])
        {
            if (EqualsLower(word, _keys[e - 1]))
            {
                return _values[e - 1];
            }
        }

        return WordFlags.None;
    }

    private static uint Hash(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word)
        {
            hash = (hash ^ Lower(c)) * 16777619;
        }

        return hash ^ (hash >> 15);
    }

    private static bool EqualsLower(ReadOnlySpan<char> word, string lower)
    {
        if (word.Length != lower.Length)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            if (Lower(word[i]) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => LowerCase.ToLower(c);
}
