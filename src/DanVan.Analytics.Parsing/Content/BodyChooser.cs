using System.Runtime.InteropServices;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>
/// Chooses the body between the two methods: the container the Readability-like scorer picked, and the blocks
/// the text-density method kept. They agree on most pages; where they disagree strongly the rule is
/// documented on <see cref="Choose"/>.
/// </summary>
internal static class BodyChooser
{
    /// <summary>The smallest text (characters outside links) the density method must keep to overrule the scorer.</summary>
    private const int MinDensityChars = 250;

    /// <summary>
    /// Returns, for each block of <paramref name="model"/>, whether it belongs to the body.
    /// The scorer's containers are kept unless the text it chose is a small fraction (under 30%) of the prose the
    /// density method found: a short promo line, a sign-up box or a date line won over the article, and the
    /// density method's blocks are taken instead.
    /// </summary>
    public static bool[] Choose(PageModel model, List<int> roots, DensityVerdict density)
    {
        List<TextBlock> blocks = model.Blocks;
        bool[] scorer = InRoots(model, roots);
        if (!density.HasLanguage)
        {
            return scorer;
        }

        int scorerChars = 0;
        int densityChars = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            int plain = PlainChars(blocks[i]);
            if (scorer[i])
            {
                scorerChars += plain;
            }

            if (density.Good[i])
            {
                densityChars += plain;
            }
        }

        if (densityChars >= MinDensityChars && scorerChars < densityChars * 0.5)
        {
            return density.Good;
        }

        Extend(scorer, density.Good);
        return scorer;
    }

    // The density method's good blocks that run on without a break just before the scorer's text are more of
    // the same article: a lead or a first section set in a header or wrapper of its own. (Blocks after it were
    // measured too: there they are mostly teasers and author boxes.)
    private static void Extend(bool[] scorer, bool[] good)
    {
        int first = Array.IndexOf(scorer, true);
        for (int i = first - 1; i >= 0 && good[i]; i--)
        {
            scorer[i] = true;
        }
    }

    // Text outside links of a block that reads as text at all (link lists count for nothing).
    private static int PlainChars(TextBlock block) => block.LinkDensity > 0.5 ? 0 : block.Chars - block.LinkChars;

    private static bool[] InRoots(PageModel model, List<int> roots)
    {
        Span<PageNode> nodes = CollectionsMarshal.AsSpan(model.Nodes);
        var inside = new bool[model.Blocks.Count];
        int rootIndex = 0;
        for (int i = 0; i < inside.Length; i++)
        {
            int owner = model.Blocks[i].Owner;
            while (rootIndex < roots.Count && owner >= nodes[roots[rootIndex]].End)
            {
                rootIndex++;
            }

            inside[i] = rootIndex < roots.Count && owner >= roots[rootIndex];
        }

        return inside;
    }
}
