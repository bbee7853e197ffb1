using System.Buffers;
using System.Numerics;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;
using Microsoft.ML.Data;

namespace DanVan.Analytics.Learning.Features;

/// <summary>
/// Turns a Vietnamese article into the features the classifiers learn from: hashed term counts of
/// <see cref="VietnameseTerms"/> (bounded memory, whatever the vocabulary), a few facts from <see cref="ArticleExtractor"/>,
/// and the cue phrases of each area of dân vận work (<c>Tables/TopicCues.tsv</c>) the article holds, and how early.
/// </summary>
/// <remarks>Stateless and safe to call from many threads.</remarks>
public static class VietnameseFeaturizer
{
    /// <summary>
    /// The version of the features. A model records it and refuses to load under another one: change it whenever the
    /// terms, the hashing, the stop words or the facts change.
    /// </summary>
    public const string Version = "vi-terms-3.0";

    /// <summary>Bits of the term hash: the term part of the vector has 2^18 slots.</summary>
    public const int HashBits = 18;

    /// <summary>The length of the term part.</summary>
    public const int TermDimension = 1 << HashBits;

    /// <summary>The length of the fact part.</summary>
    public const int FactCount = 8;

    /// <summary>The areas of dân vận work the cue table (<c>Tables/TopicCues.tsv</c>) has phrases for.</summary>
    public const int CueAreas = 7;

    /// <summary>
    /// The length of the cue part: for each area, in the table's order, log(1 + cue phrases found), whether one is among
    /// the first 40 words, and exp(−p / 80) for the word p where the first one stands.
    /// </summary>
    public const int CueCount = CueAreas * TopicCues.FeaturesPerArea;

    // The cues' weight beside the unit-length terms. Training barely regularises (the classes separate in 2^18
    // dimensions), so this scale sets how far the learners lean on the areas against the words: 0.1 gave the best topic
    // macro-F1 and relevance F1 under grouped cross-validation and across the two public files (Models/README.md).
    private const float CueScale = 0.1f;

    /// <summary>The names of the facts, in vector order.</summary>
    public static IReadOnlyList<string> FactNames { get; } =
    [
        "has_document_reference",
        "document_references",
        "ban_dan_van_mentions",
        "dan_van_mentions",
        "dan_van_kheo_mentions",
        "model_counts",
        "officials_with_dan_van_titles",
        "officials",
    ];

    /// <summary>Fills <paramref name="output"/> with the features of <paramref name="text"/>.</summary>
    internal static void Featurize(string? text, ArticleFeatureRow output)
    {
        string normalized = VietnameseNormalizer.Default.Normalize(text ?? string.Empty);
        // About one term per two characters (words, folded twins and bigrams, less stop words and punctuation).
        var sink = new HashingSink(normalized.Length / 2);
        try
        {
            PhraseCounts phrases = VietnameseTerms.Scan(normalized, ref sink, StopWords.Default, foldedTwins: true);
            output.Terms = sink.ToVector();
            output.Facts = Facts(normalized, phrases);
            output.Cues = new float[CueCount];
            TopicCues.Default.Fill(normalized, output.Cues, CueScale);
        }
        finally
        {
            sink.Dispose();
        }
    }

    private static float[] Facts(string normalized, PhraseCounts phrases)
    {
        var facts = new float[FactCount];
        if (normalized.Length == 0)
        {
            return facts;
        }

        ExtractionResult extracted = ArticleExtractor.Default.Extract(normalized);
        int danVanOfficials = 0;
        foreach (Official official in extracted.Officials)
        {
            if (official.Titles.Any(t => VietnameseFolder.Fold(t.Text).Contains("dan van", StringComparison.Ordinal)))
            {
                danVanOfficials++;
            }
        }

        // Counts enter through log(1 + n), so that one long article does not outweigh the words.
        facts[0] = extracted.Documents.Count > 0 || phrases.DocumentCodes > 0 ? 1f : 0f;
        facts[1] = Log(extracted.Documents.Count);
        facts[2] = Log(phrases.BanDanVan);
        facts[3] = Log(phrases.DanVan);
        facts[4] = Log(phrases.DanVanKheo);
        facts[5] = Log(extracted.ModelCounts.Count);
        facts[6] = Log(danVanOfficials);
        facts[7] = Log(extracted.Officials.Count);
        return facts;
    }

    private static float Log(int count) => MathF.Log(1 + count);

    /// <summary>Hashes terms into slots; the hash is FNV-1a over UTF-16 code units, stable across processes and machines.</summary>
    internal static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        uint hash = 2166136261u ^ seed;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Mix(hash);
    }

    // The murmur3 finalizer spreads FNV's weak low bits before the mask.
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    /// <summary>Collects the terms' slots in a pooled buffer: no per-term allocation, one sort, then the exact-size vector.</summary>
    private struct HashingSink(int capacity) : ITermSink, IDisposable
    {
        private const uint WordSeed = 0x9E3779B9u, BigramSeed = 0x7F4A7C15u, CodeSeed = 0x94D049BBu, CodeKindSeed = 0xBF58476Du;
        private int[] _slots = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));
        private int _count;

        public void Term(ReadOnlySpan<char> term, TermKind kind)
        {
            // A folded twin shares the word's hash space: "dan" from "dân" meets "dan" in text written without accents.
            uint seed = kind switch
            {
                TermKind.DocumentCode => CodeSeed,
                TermKind.DocumentCodeKind => CodeKindSeed,
                _ => WordSeed,
            };
            Add(Hash(term, seed));
        }

        public void Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool folded) =>
            Add(Mix(BitOperations.RotateLeft(Hash(first, BigramSeed), 13) ^ Hash(second, WordSeed)));

        private void Add(uint hash)
        {
            if (_count == _slots.Length)
            {
                int[] larger = ArrayPool<int>.Shared.Rent(_slots.Length * 2);
                _slots.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<int>.Shared.Return(_slots);
                _slots = larger;
            }

            _slots[_count++] = (int)(hash & (TermDimension - 1));
        }

        /// <summary>Sub-linear counts (1 + ln tf), scaled to unit length.</summary>
        public readonly VBuffer<float> ToVector()
        {
            if (_count == 0)
            {
                return new VBuffer<float>(TermDimension, 0, [], []);
            }

            Span<int> slots = _slots.AsSpan(0, _count);
            slots.Sort();
            int distinct = 1;
            for (int k = 1; k < slots.Length; k++)
            {
                distinct += slots[k] != slots[k - 1] ? 1 : 0;
            }

            int[] indices = new int[distinct];
            float[] values = new float[distinct];
            double norm = 0;
            int i = 0, d = 0;
            while (i < slots.Length)
            {
                int j = i + 1;
                while (j < slots.Length && slots[j] == slots[i])
                {
                    j++;
                }

                float weight = 1f + MathF.Log(j - i);
                indices[d] = slots[i];
                values[d++] = weight;
                norm += weight * weight;
                i = j;
            }

            float scale = (float)(1 / Math.Sqrt(norm));
            for (int k = 0; k < values.Length; k++)
            {
                values[k] *= scale;
            }

            return new VBuffer<float>(TermDimension, distinct, values, indices);
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_slots);
            _slots = [];
            _count = 0;
        }
    }
}
