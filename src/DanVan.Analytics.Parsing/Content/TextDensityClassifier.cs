using System.Numerics;
using System.Runtime.InteropServices;
using DanVan.Analytics.Parsing.Tables;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>What the text-density method decided, block by block (indices into <see cref="PageModel.Blocks"/>).</summary>
internal sealed class DensityVerdict
{
    public DensityVerdict(int blocks)
    {
        Good = new bool[blocks];
        Words = new int[blocks];
        StopWords = new int[blocks];
    }

    /// <summary>True for the blocks the method keeps as article text.</summary>
    public bool[] Good { get; }

    /// <summary>The words of each block.</summary>
    public int[] Words { get; }

    /// <summary>The stop words of each block, in the page's language.</summary>
    public int[] StopWords { get; }

    /// <summary>False when the page's language has no stop-word list: the method then keeps nothing.</summary>
    public bool HasLanguage { get; set; }
}

/// <summary>
/// A second, independent body method in the manner of jusText: each text block is classed on its own by its
/// length, link density and stop-word density (prose in any language is dense in function words; menus,
/// teasers and link lists are not), then short and borderline blocks take the class of the good or bad
/// blocks around them. It reads the blocks the walker already built; it needs no DOM.
/// </summary>
internal static class TextDensityClassifier
{
    // The original method's defaults, except a good block may be shorter (150 characters, not 200) and hold a few
    // more links (a quarter, not a fifth): measured on parsing-eval, recall up with no more leaks.
    private const int LengthLow = 70;
    private const int LengthHigh = 150;
    private const double StopWordsLow = 0.30;
    private const double StopWordsHigh = 0.32;
    private const double MaxLinkDensity = 0.25;

    private enum Class : byte
    {
        Bad,
        Short,
        NearGood,
        Good,
    }

    /// <summary>Classes the blocks of <paramref name="model"/>.</summary>
    /// <param name="model">The walked page.</param>
    /// <param name="language">The page's declared language, or null to detect it from the stop words.</param>
    /// <param name="table">The stop words.</param>
    public static DensityVerdict Classify(PageModel model, string? language, StopWordTable table)
    {
        List<TextBlock> blocks = model.Blocks;
        var verdict = new DensityVerdict(blocks.Count);
        if (blocks.Count == 0)
        {
            return verdict;
        }

        int languages = table.Languages.Count;
        int[] hits = new int[blocks.Count * languages];
        Span<int> totals = stackalloc int[languages];
        for (int i = 0; i < blocks.Count; i++)
        {
            verdict.Words[i] = CountWords(blocks[i].Text, table, hits.AsSpan(i * languages, languages));
            for (int l = 0; l < languages; l++)
            {
                totals[l] += hits[i * languages + l];
            }
        }

        int chosen = table.IndexOf(language);
        if (chosen < 0 || totals[chosen] == 0)
        {
            chosen = ArgMax(totals);
        }

        if (chosen < 0 || totals[chosen] < 5)
        {
            return verdict;
        }

        verdict.HasLanguage = true;
        Span<PageNode> nodes = CollectionsMarshal.AsSpan(model.Nodes);
        bool[] excluded = ExcludedNodes(nodes);
        var classes = new Class[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            verdict.StopWords[i] = hits[i * languages + chosen];
            classes[i] = excluded[blocks[i].Owner] ? Class.Bad : ClassOf(blocks[i], verdict.Words[i], verdict.StopWords[i]);
        }

        Smooth(classes, verdict.Good);
        return verdict;
    }

    private static int ArgMax(Span<int> totals)
    {
        int best = -1;
        for (int l = 0; l < totals.Length; l++)
        {
            if (totals[l] > 0 && (best < 0 || totals[l] > totals[best]))
            {
                best = l;
            }
        }

        return best;
    }

    // Each word is looked up once, lower-cased on the stack.
    private static int CountWords(string text, StopWordTable table, Span<int> hits)
    {
        Span<char> lower = stackalloc char[WordScanner.MaxWordLength];
        int words = 0;
        int position = 0;
        while (WordScanner.Next(text, ref position, out int start, out int length))
        {
            words++;
            if (length > WordScanner.MaxWordLength)
            {
                continue;
            }

            int written = text.AsSpan(start, length).ToLowerInvariant(lower);
            uint mask = table.LanguagesOf(lower[..written]);
            while (mask != 0)
            {
                hits[BitOperations.TrailingZeroCount(mask)]++;
                mask &= mask - 1;
            }
        }

        return words;
    }

    // Comment threads, and page furniture (navigation, asides, footers, share and related boxes) unless a
    // closer container says it is the article, are never article text. Parents come before children.
    private static bool[] ExcludedNodes(Span<PageNode> nodes)
    {
        var excluded = new bool[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            NodeFlags flags = nodes[i].Flags;
            bool inherited = nodes[i].Parent >= 0 && excluded[nodes[i].Parent];
            excluded[i] = (flags & NodeFlags.Comment) != 0 ||
                          ((flags & (NodeFlags.StrongNegative | NodeFlags.Furniture)) != 0 && (flags & NodeFlags.Positive) == 0) ||
                          (inherited && (flags & NodeFlags.Positive) == 0);
        }

        return excluded;
    }

    private static Class ClassOf(TextBlock block, int words, int stopWords)
    {
        if (block.LinkDensity > MaxLinkDensity || IsCopyrightLine(block.Text))
        {
            return Class.Bad;
        }

        // Lengths as the text reads, spaces included (the walker's counts leave them out).
        int length = block.Text.Length;
        if (length < LengthLow)
        {
            return block.LinkChars > 0 ? Class.Bad : Class.Short;
        }

        double density = words == 0 ? 0 : (double)stopWords / words;
        if (density >= StopWordsHigh)
        {
            return length > LengthHigh ? Class.Good : Class.NearGood;
        }

        return density >= StopWordsLow ? Class.NearGood : Class.Bad;
    }

    private static bool IsCopyrightLine(string text) =>
        text.Length < 300 && (text.Contains('©') || text.Contains("(c) ", StringComparison.OrdinalIgnoreCase) ||
                              text.Contains("copyright", StringComparison.OrdinalIgnoreCase));

    // A short block takes the class of the good or bad blocks around it (borderline ones looked through): good
    // between good ones (a subheading, a one-line paragraph), bad between bad ones; between a good and a bad one
    // it is good only when a borderline block stands between it and the bad one. A borderline block is good
    // unless bad blocks stand on both sides. The neighbours are found in two linear passes, so a page of many
    // thousand blocks costs no more than its length.
    private static void Smooth(Class[] classes, bool[] good)
    {
        int n = classes.Length;
        var before = new Class[n];
        var beforeStrict = new Class[n];
        var after = new Class[n];
        var afterStrict = new Class[n];
        Class loose = Class.Bad;
        Class strict = Class.Bad;
        for (int i = 0; i < n; i++)
        {
            before[i] = loose;
            beforeStrict[i] = strict;
            Update(classes[i], ref loose, ref strict);
        }

        loose = strict = Class.Bad;
        for (int i = n - 1; i >= 0; i--)
        {
            after[i] = loose;
            afterStrict[i] = strict;
            Update(classes[i], ref loose, ref strict);
        }

        for (int i = 0; i < n; i++)
        {
            Class resolved = classes[i] switch
            {
                Class.Short => (beforeStrict[i], afterStrict[i]) switch
                {
                    (Class.Good, Class.Good) => Class.Good,
                    (Class.Bad, Class.Bad) => Class.Bad,
                    (Class.Bad, _) when before[i] == Class.NearGood => Class.Good,
                    (_, Class.Bad) when after[i] == Class.NearGood => Class.Good,
                    _ => Class.Bad,
                },
                Class.NearGood => beforeStrict[i] == Class.Bad && afterStrict[i] == Class.Bad ? Class.Bad : Class.Good,
                Class c => c,
            };
            good[i] = resolved == Class.Good;
        }
    }

    // loose: the last class that is not short; strict: the last that is neither short nor borderline.
    private static void Update(Class current, ref Class loose, ref Class strict)
    {
        if (current != Class.Short)
        {
            loose = current;
        }

        if (current is Class.Good or Class.Bad)
        {
            strict = current;
        }
    }
}
