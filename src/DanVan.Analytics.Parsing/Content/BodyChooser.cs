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
    /// The scorer's containers are kept unless the text it chose is under half the prose the density method found
    /// (at least <see cref="MinDensityChars"/>): a short promo line, a sign-up box or a date line won over the
    /// article, and the density method's blocks are taken instead. Kept, they gain the density method's good
    /// blocks that run on just before them.
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

    /// <summary>
    /// Checks <paramref name="chosen"/> against the page's JSON-LD <c>articleBody</c>. When the chosen blocks cover
    /// little of it (under half its words) while the blocks made of its words cover it well, those blocks become the
    /// body. Returns false when no block of the page covers it (the visible text is missing, or loaded by script)
    /// and the chosen body is short beside it: the caller then takes the articleBody's own paragraphs.
    /// </summary>
    public static bool CheckAgainst(PageModel model, bool[] chosen, ArticleBodyEvidence evidence)
    {
        List<TextBlock> blocks = model.Blocks;
        var matching = new bool[blocks.Count];
        int chosenMatched = 0;
        int matchingMatched = 0;
        int chosenChars = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            (int words, int matched) = evidence.Match(blocks[i].Text);
            matching[i] = words > 0 && matched >= words * 0.8 && blocks[i].LinkDensity <= 0.5;
            if (chosen[i])
            {
                chosenMatched += matched;
                chosenChars += PlainChars(blocks[i]);
            }

            if (matching[i])
            {
                matchingMatched += matched;
            }
        }

        double chosenCover = (double)chosenMatched / evidence.WordCount;
        double matchingCover = (double)matchingMatched / evidence.WordCount;
        if (chosenCover < 0.5 && matchingCover >= 0.6 && matchingCover >= chosenCover + 0.3)
        {
            Array.Copy(matching, chosen, chosen.Length);
            return true;
        }

        return !(matchingCover < 0.3 && chosenChars < evidence.Text.Length * 0.3);
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
