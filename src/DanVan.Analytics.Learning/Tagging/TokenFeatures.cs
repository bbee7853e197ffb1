using System.Numerics;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Text;
using Microsoft.ML.Data;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>
/// The features of each token of a sentence for the name tagger: the syllable (lower-cased and folded), its shape
/// (capitalised, all capitals, number, punctuation), its flags from the extraction tables, the same for two neighbours
/// on each side, word pairs, shape patterns, the token's place in its run of capitalised syllables, and the words and
/// flags just before and after that run. All are hashed
/// into <see cref="Dimension"/> slots, so memory stays bounded whatever the vocabulary.
/// </summary>
internal static class TokenFeatures
{
    /// <summary>The version of the tagger's features; a tagger model refuses to load under another one.</summary>
    public const string Version = "vi-tagger-2";

    /// <summary>Bits of the feature hash.</summary>
    public const int HashBits = 18;

    /// <summary>The length of a token's feature vector.</summary>
    public const int Dimension = 1 << HashBits;

    private const int Window = 2;

    // The hash of a position outside the sentence, per side.
    private const uint Before = 0x2545F491u, After = 0x4F6CDD1Du;

    /// <summary>The shape of a token.</summary>
    private enum Shape : uint
    {
        Outside = 0,
        Punctuation = 1,
        Number = 2,
        Lower = 3,
        Capitalised = 4,
        Capitals = 5,
        Other = 6,
    }

    /// <summary>The feature vectors of the tokens of one sentence, in order.</summary>
    public static VBuffer<float>[] Featurize(IReadOnlyList<string> tokens, TaggerLexicon lexicon)
    {
        int n = tokens.Count;
        var lower = new uint[n + (2 * Window)];
        var folded = new uint[lower.Length];
        var shape = new uint[lower.Length];
        var flags = new uint[lower.Length];
        for (int p = 0; p < lower.Length; p++)
        {
            int i = p - Window;
            if (i < 0 || i >= n)
            {
                lower[p] = folded[p] = i < 0 ? Before : After;
                shape[p] = (uint)Shape.Outside;
                continue;
            }

            string lowerText = tokens[i].ToLowerInvariant();
            lower[p] = VietnameseFeaturizer.Hash(lowerText, 0);
            folded[p] = VietnameseFeaturizer.Hash(VietnameseFolder.Fold(lowerText), 0);
            shape[p] = (uint)ShapeOf(tokens[i]);
            flags[p] = (uint)lexicon.Of(lowerText);
        }

        // The place of each capitalised syllable in its run ("Nguyễn Văn An": 0, 1, 2 of 3): a name's length and edges.
        var runPosition = new uint[n];
        var runLength = new uint[n];

        // The words around each token's run ("Thượng tá | Rơ Mah Tuân | ,"): a title word before or a comma after supports
        // every syllable of the run, not only its edges, whatever the family name.
        var runBefore = new int[n];
        var runAfter = new int[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && shape[j + Window] == (uint)Shape.Capitalised)
            {
                j++;
            }

            for (int k = i; k < j; k++)
            {
                runPosition[k] = (uint)Math.Min(k - i, 4);
                runLength[k] = (uint)Math.Min(j - i, 6);
                runBefore[k] = i - 1 + Window;
                runAfter[k] = j + Window;
            }

            i = j == i ? i + 1 : j;
        }

        var vectors = new VBuffer<float>[n];
        var slots = new List<int>(32);
        for (int i = 0; i < n; i++)
        {
            int p = i + Window;
            slots.Clear();
            Add(slots, 1, 0);
            Add(slots, 2, lower[p]);
            Add(slots, 3, folded[p]);
            Add(slots, 4, shape[p]);
            Add(slots, 5, flags[p]);
            Add(slots, 6, lower[p - 1]);
            Add(slots, 7, lower[p + 1]);
            Add(slots, 8, lower[p - 2]);
            Add(slots, 9, lower[p + 2]);
            Add(slots, 10, shape[p - 1]);
            Add(slots, 11, shape[p + 1]);
            Add(slots, 12, shape[p - 2]);
            Add(slots, 13, shape[p + 2]);
            Add(slots, 14, shape[p - 1], shape[p]);
            Add(slots, 15, shape[p], shape[p + 1]);
            Add(slots, 16, Pair(shape[p - 1], shape[p]), shape[p + 1]);
            Add(slots, 17, flags[p - 1]);
            Add(slots, 18, flags[p + 1]);
            Add(slots, 19, flags[p - 2]);
            Add(slots, 20, flags[p + 2]);
            Add(slots, 21, lower[p - 1], lower[p]);
            Add(slots, 22, lower[p], lower[p + 1]);
            Add(slots, 23, runPosition[i], runLength[i]);
            Add(slots, 24, lower[p - 2], lower[p - 1]);
            Add(slots, 25, lower[p + 1], lower[p + 2]);
            Add(slots, 26, flags[p - 1], shape[p]);
            Add(slots, 27, folded[p - 1], folded[p]);
            Add(slots, 28, Pair(flags[p - 1], shape[p]), runPosition[i]);
            if (runLength[i] > 1)
            {
                Add(slots, 29, lower[runBefore[i]], runLength[i]);
                Add(slots, 30, flags[runBefore[i]], runPosition[i]);
                Add(slots, 31, lower[runAfter[i]], runLength[i]);
                Add(slots, 32, Pair(flags[runBefore[i]], shape[runAfter[i]]), flags[runAfter[i]]);
            }
            vectors[i] = ToVector(slots);
        }

        return vectors;
    }

    private static Shape ShapeOf(string token)
    {
        char first = token[0];
        if (char.IsDigit(first))
        {
            return Shape.Number;
        }

        if (!char.IsLetter(first))
        {
            return Shape.Punctuation;
        }

        bool restLower = true, allUpper = true;
        foreach (char c in token.AsSpan(1))
        {
            if (!char.IsLetter(c))
            {
                return Shape.Other;
            }

            restLower &= char.IsLower(c);
            allUpper &= char.IsUpper(c);
        }

        return char.IsLower(first) ? Shape.Lower
            : token.Length == 1 || restLower ? Shape.Capitalised
            : allUpper ? Shape.Capitals
            : Shape.Other;
    }

    private static uint Pair(uint a, uint b) => BitOperations.RotateLeft(a * 0x9E3779B1u, 11) ^ b;

    private static void Add(List<int> slots, uint template, uint value, uint second = 0)
    {
        uint h = (template * 0x85EBCA77u) ^ BitOperations.RotateLeft(value, 7) ^ (second * 0xC2B2AE3Du);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        slots.Add((int)(h & (Dimension - 1)));
    }

    private static VBuffer<float> ToVector(List<int> slots)
    {
        slots.Sort();
        int count = 0;
        var indices = new int[slots.Count];
        for (int k = 0; k < slots.Count; k++)
        {
            if (count == 0 || indices[count - 1] != slots[k])
            {
                indices[count++] = slots[k];
            }
        }

        var values = new float[count];
        Array.Fill(values, 1f);
        return new VBuffer<float>(Dimension, count, values, indices[..count]);
    }
}
