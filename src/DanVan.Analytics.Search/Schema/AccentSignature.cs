using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using DanVan.Analytics.Search.Analysis;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Schema;

/// <summary>Where in an article a word was seen with its accents: the body (which includes the title) or the title.</summary>
internal enum AccentScope
{
    Body = 0,
    Title = 1,
}

/// <summary>
/// The accented forms of an article: a 32-bit key for each distinct word whose accents folding removes ("dân"),
/// per <see cref="AccentScope"/>, kept sorted in one binary doc value. The index finds words by their folded form,
/// one term per word; the signature is how a search still ranks the exact accents of a word above other words that
/// fold alike ("dân" above "dần"), at a few hundred keys per article instead of a second term for every word.
/// </summary>
/// <remarks>
/// Keys are hashes, so a word may match a key it does not own: with 32 bits and a few hundred keys in an article
/// the chance is about one in ten million per lookup, and the cost is a ranking boost, never a wrong hit. Not
/// thread-safe: one instance builds one article at a time.
/// </remarks>
internal sealed class AccentSignature
{
    /// <summary>The most keys an article keeps (Lucene limits the length of a binary doc value); a longer article keeps the smallest keys, an arbitrary part of its words.</summary>
    public const int MaxKeys = 8000;

    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    private readonly List<uint> _words = [];
    private uint[] _sorting = new uint[1024];
    private uint[] _seen = new uint[1024];
    private readonly BytesRef _bytes = new(new byte[4096]);

    /// <summary>The key of one accented (normalized, lower-case) word.</summary>
    public static uint WordKey(AccentScope scope, ReadOnlySpan<char> accented) => Mix(Hash(scope, accented));

    /// <summary>True when <paramref name="signature"/> (a value written by <see cref="Build"/>) holds <paramref name="key"/>.</summary>
    public static bool Contains(BytesRef signature, uint key)
    {
        ReadOnlySpan<byte> bytes = signature.Bytes.AsSpan(signature.Offset, signature.Length);
        int low = 0;
        int high = (bytes.Length / sizeof(uint)) - 1;
        while (low <= high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(middle * sizeof(uint))..]);
            if (value == key)
            {
                return true;
            }

            if (value < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// The signature of an article from its analysed title (both scopes) and searchable content (body scope), both
    /// analysed with their folded forms. The bytes are reused by the next call.
    /// </summary>
    public BytesRef Build(AnalyzedText title, AnalyzedText content)
    {
        _words.Clear();
        Collect(title, AccentScope.Title);
        Collect(title, AccentScope.Body);
        Collect(content, AccentScope.Body);
        Span<uint> keys = CollectionsMarshal.AsSpan(_words);
        int count = Math.Min(SortDistinct(keys), MaxKeys);
        int length = count * sizeof(uint);
        if (_bytes.Bytes.Length < length)
        {
            _bytes.Bytes = new byte[Math.Max(length, _bytes.Bytes.Length * 2)];
        }

        Span<byte> bytes = _bytes.Bytes;
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * sizeof(uint))..], keys[i]);
        }

        _bytes.Offset = 0;
        _bytes.Length = length;
        return _bytes;
    }

    // A word is a few characters: it is hashed eight bytes at a time (the last block overlapping the one before),
    // not character by character, and the keys must be the same on every machine, hence the little-endian reads.
    private static uint Hash(AccentScope scope, ReadOnlySpan<char> text)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(text);
        ulong hash = (Seed * ((ulong)scope + 1)) ^ (ulong)bytes.Length;
        if (bytes.Length >= sizeof(ulong))
        {
            int last = bytes.Length - sizeof(ulong);
            for (int i = 0; i < last; i += sizeof(ulong))
            {
                hash = Step(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
            }

            hash = Step(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes[last..]));
        }
        else if (bytes.Length >= sizeof(uint))
        {
            ulong low = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            ulong high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^sizeof(uint)..]);
            hash = Step(hash, low | (high << 32));
        }
        else if (bytes.Length > 0)
        {
            hash = Step(hash, BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        }

        return (uint)(hash ^ (hash >> 32));
    }

    private static ulong Step(ulong hash, ulong block)
    {
        hash = (hash ^ block) * 0xFF51AFD7ED558CCDUL;
        return hash ^ (hash >> 33);
    }

    // The final mix of MurmurHash3, so that the low bits (the slot in SortDistinct's set) depend on every input bit.
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        return hash ^ (hash >> 16);
    }

    private void Collect(AnalyzedText analyzed, AccentScope scope)
    {
        for (int i = 0; i < analyzed.Count; i++)
        {
            ReadOnlySpan<char> accented = analyzed.AccentedIfFoldingChanges(i);
            if (!accented.IsEmpty)
            {
                _words.Add(WordKey(scope, accented));
            }
        }
    }

    // Moves the distinct keys to the front, sorted; returns their count. Most words of an article repeat, so a
    // hash set first leaves the sort a third of the keys.
    private int SortDistinct(Span<uint> keys)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        if (_seen.Length < size)
        {
            _seen = new uint[size];
        }

        Span<uint> seen = _seen.AsSpan(0, size);
        seen.Clear();
        int mask = size - 1;
        bool zero = false;
        int count = 0;
        foreach (uint key in keys)
        {
            if (key == 0)
            {
                // 0 marks an empty slot of the set.
                if (!zero)
                {
                    zero = true;
                    keys[count++] = 0;
                }

                continue;
            }

            // The keys are mixed hashes, so their low bits spread well.
            for (int slot = (int)(key & (uint)mask); ; slot = (slot + 1) & mask)
            {
                uint held = seen[slot];
                if (held == 0)
                {
                    seen[slot] = key;
                    keys[count++] = key;
                    break;
                }

                if (held == key)
                {
                    break;
                }
            }
        }

        RadixSort(keys[..count]);
        return count;
    }

    // Hash keys are random, so a comparison sort mispredicts at almost every step; four counting passes
    // over bytes cost a few nanoseconds per key.
    private void RadixSort(Span<uint> keys)
    {
        if (_sorting.Length < keys.Length)
        {
            _sorting = new uint[Math.Max(keys.Length, _sorting.Length * 2)];
        }

        Span<uint> other = _sorting.AsSpan(0, keys.Length);
        Span<int> counts = stackalloc int[256];
        Span<uint> from = keys;
        Span<uint> to = other;
        for (int shift = 0; shift < 32; shift += 8)
        {
            counts.Clear();
            foreach (uint key in from)
            {
                counts[(int)((key >> shift) & 0xFF)]++;
            }

            int total = 0;
            for (int b = 0; b < 256; b++)
            {
                int count = counts[b];
                counts[b] = total;
                total += count;
            }

            foreach (uint key in from)
            {
                to[counts[(int)((key >> shift) & 0xFF)]++] = key;
            }

            Span<uint> swap = from;
            from = to;
            to = swap;
        }

        // Four passes leave the keys back in place.
    }
}
