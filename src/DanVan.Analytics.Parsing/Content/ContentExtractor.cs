using System.Runtime.InteropServices;
using DanVan.Analytics.Text.Dates;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>What the content detector kept.</summary>
internal sealed class ExtractedContent
{
    public List<string> Paragraphs { get; } = [];
    public List<ArticleCaption> Captions { get; } = [];
    public List<string> Bylines { get; } = [];

    /// <summary>The first paragraph when it was the visible lead (bold sapo or a copy of the description).</summary>
    public string? LeadParagraph { get; set; }

    /// <summary>True when the paragraphs are the JSON-LD articleBody, the page showing no body of its own.</summary>
    public bool BodyFromMetadata { get; set; }
}

/// <summary>
/// The generic content detector. Scores every element by the paragraphs under it (text length, commas,
/// link density, class/id hints), as Readability does, picks the best container and merges its
/// siblings that look like more of the article, then keeps the blocks inside in page order, dropping
/// boilerplate (the lexicon, link lists, date lines, bylines, the title and lead) and setting captions apart.
/// Works on sites it has never seen; it knows no site.
/// </summary>
internal static class ContentExtractor
{
    private const int MinScoredChars = 25;
    private const int MaxLevels = 5;

    /// <summary>Extracts the body of <paramref name="model"/>.</summary>
    /// <param name="model">The walked page.</param>
    /// <param name="titleKey">The folded title, to drop the headline from the body.</param>
    /// <param name="leadKey">The folded lead, to drop it from the body.</param>
    /// <param name="leadIsVisible">True when the lead was read from the page's sapo element, so a near copy of it in the body is the sapo too.</param>
    /// <param name="language">The page's language, which picks the stop words of the text-density method; null to detect it.</param>
    /// <param name="articleBody">The JSON-LD <c>articleBody</c>, a check on the chosen body; null when the page has none.</param>
    public static ExtractedContent Extract(PageModel model, string? titleKey, string? leadKey, bool leadIsVisible, string? language = null, string? articleBody = null)
    {
        var result = new ExtractedContent();
        if (model.Nodes.Count == 0 || model.Blocks.Count == 0)
        {
            return result;
        }

        Span<PageNode> nodes = CollectionsMarshal.AsSpan(model.Nodes);
        ReleaseBigContainers(model, nodes);
        Score(model, nodes);
        List<int> roots = SelectRoots(model, nodes);
        DensityVerdict density = TextDensityClassifier.Classify(model, language, StopWordTable.Default);
        bool[] chosen = BodyChooser.Choose(model, roots, density);
        if (ArticleBodyEvidence.Of(articleBody) is { } evidence && !BodyChooser.CheckAgainst(model, chosen, evidence))
        {
            result.Paragraphs.AddRange(evidence.Paragraphs());
            result.BodyFromMetadata = true;
            return result;
        }

        Emit(model, nodes, roots, chosen, titleKey, leadKey, leadIsVisible, result);
        return result;
    }

    // A class word such as "widget", "share" or "tool" on a container that holds a large part of the page's
    // text ("elementor-widget post-content") names the layout, not a share box: it becomes a weak hint.
    // Comment threads stay out however long they are.
    private static void ReleaseBigContainers(PageModel model, Span<PageNode> nodes)
    {
        int page = PlainChars(nodes[model.BodyNode]);
        int big = Math.Max(500, page / 4);
        for (int i = 0; i < nodes.Length; i++)
        {
            ref PageNode node = ref nodes[i];
            if ((node.Flags & (NodeFlags.StrongNegative | NodeFlags.Comment)) == NodeFlags.StrongNegative && PlainChars(node) >= big)
            {
                node.Flags = (node.Flags & ~NodeFlags.StrongNegative) | NodeFlags.WeakNegative;
            }
        }
    }

    private static int PlainChars(in PageNode node) => node.TextChars - node.LinkChars;

    private static void Score(PageModel model, Span<PageNode> nodes)
    {
        foreach (TextBlock block in model.Blocks)
        {
            if (!IsScoredBlock(nodes, block))
            {
                continue;
            }

            double contribution = 1 + block.Commas + Math.Min(block.Chars / 100.0, 3);
            // A paragraph scores its container; text written straight into a div or cell scores that element too.
            int node = IsParagraphTag(nodes[block.Owner].Tag) ? nodes[block.Owner].Parent : block.Owner;
            for (int level = 0; level < MaxLevels && node >= 0; level++)
            {
                ref PageNode candidate = ref nodes[node];
                if (!candidate.IsCandidate)
                {
                    candidate.IsCandidate = true;
                    candidate.Score = InitialScore(candidate.Tag) + candidate.ClassWeight;
                }

                double divider = level switch { 0 => 1, 1 => 2, _ => level * 3 };
                candidate.Score += contribution / divider;
                node = candidate.Parent;
            }
        }
    }

    private static bool IsExcludedForScoring(Span<PageNode> nodes, int node)
    {
        for (int level = 0; level < 8 && node >= 0; level++)
        {
            NodeFlags flags = nodes[node].Flags;
            if ((flags & (NodeFlags.StrongNegative | NodeFlags.Furniture | NodeFlags.Figure)) != 0)
            {
                return true;
            }

            if ((flags & NodeFlags.Positive) != 0)
            {
                return false;
            }

            node = nodes[node].Parent;
        }

        return false;
    }

    private static double FinalScore(in PageNode node) =>
        node.Score * (1 - (node.TextChars == 0 ? 0 : (double)node.LinkChars / node.TextChars));

    private static List<int> SelectRoots(PageModel model, Span<PageNode> nodes)
    {
        int top = -1;
        double best = double.MinValue;
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].IsCandidate && nodes[i].Tag is not ("html" or "body"))
            {
                double score = FinalScore(nodes[i]);
                if (score > best)
                {
                    best = score;
                    top = i;
                }
            }
        }

        if (top < 0)
        {
            // Nothing scored: short pages. Take the whole body and let the filters do the work.
            return [model.BodyNode];
        }

        top = Widen(model, nodes, top);
        best = Math.Max(best, FinalScore(nodes[top]));

        // An article split over sibling containers (text, photo box, more text): merge the siblings
        // that score well or are plain paragraphs.
        int parent = nodes[top].Parent;
        if (parent < 0)
        {
            return [top];
        }

        var roots = new List<int>();
        double threshold = Math.Max(10, best * 0.2);
        for (int child = parent + 1; child < nodes[parent].End; child = nodes[child].End)
        {
            ref PageNode sibling = ref nodes[child];
            if (child == top)
            {
                roots.Add(child);
                continue;
            }

            if ((sibling.Flags & (NodeFlags.StrongNegative | NodeFlags.Furniture)) != 0 && (sibling.Flags & NodeFlags.Positive) == 0)
            {
                continue;
            }

            double linkDensity = sibling.TextChars == 0 ? 0 : (double)sibling.LinkChars / sibling.TextChars;
            bool scoresWell = sibling.IsCandidate && FinalScore(sibling) >= threshold;
            bool plainParagraph = sibling.Tag == "p" && sibling.TextChars >= 80 && linkDensity < 0.25;
            if (scoresWell || plainParagraph)
            {
                roots.Add(child);
            }
        }

        return roots;
    }

    // The best-scored element can be one part of an article cut into blocks by "read more" boxes, ads or
    // section wrappers a few levels up. Climb while an ancestor holds clearly more article-like paragraph
    // text (half as much again) and that text still makes up most of what it holds.
    private static int Widen(PageModel model, Span<PageNode> nodes, int top)
    {
        int chosen = top;
        int chosenGood = GoodChars(model, nodes, top);
        int ancestor = nodes[top].Parent;
        for (int level = 0; level < 6 && ancestor >= 0; level++, ancestor = nodes[ancestor].Parent)
        {
            ref PageNode node = ref nodes[ancestor];
            if (node.Tag is "body" or "html" || (node.Flags & (NodeFlags.StrongNegative | NodeFlags.Furniture)) != 0)
            {
                break;
            }

            int good = GoodChars(model, nodes, ancestor);
            if (good >= chosenGood + Math.Max(150, chosenGood / 2) && good >= PlainChars(node) * 0.6 && node.LinkChars <= node.TextChars * 0.3)
            {
                chosen = ancestor;
                chosenGood = good;
            }
        }

        return chosen;
    }

    // The characters of the paragraphs under node that count as article text when scoring.
    private static int GoodChars(PageModel model, Span<PageNode> nodes, int node)
    {
        int end = nodes[node].End;
        int chars = 0;
        foreach (TextBlock block in model.Blocks)
        {
            if (block.Owner >= node && block.Owner < end && IsScoredBlock(nodes, block))
            {
                chars += block.Chars - block.LinkChars;
            }
        }

        return chars;
    }

    private static bool IsScoredBlock(Span<PageNode> nodes, TextBlock block) =>
        block.Chars >= MinScoredChars && block.LinkDensity <= 0.5 && block.Kind != BlockKind.Heading && !IsExcludedForScoring(nodes, block.Owner);

    // chosen: the blocks the body is made of; a block inside one of the roots is judged against that root
    // (captions, bylines, boxes), any other against the whole page.
    private static void Emit(PageModel model, Span<PageNode> nodes, List<int> roots, bool[] chosen, string? titleKey, string? leadKey, bool leadIsVisible, ExtractedContent result)
    {
        int rootIndex = 0;
        bool droppingLinks = false;
        bool lastOpensMore = false;
        for (int index = 0; index < model.Blocks.Count; index++)
        {
            TextBlock block = model.Blocks[index];
            while (rootIndex < roots.Count && block.Owner >= nodes[roots[rootIndex]].End)
            {
                rootIndex++;
            }

            if (!chosen[index])
            {
                continue;
            }

            int root = rootIndex < roots.Count && block.Owner >= roots[rootIndex] ? roots[rootIndex] : model.BodyNode;
            Region region = RegionOf(nodes, block.Owner, root);
            if (region == Region.Boilerplate)
            {
                continue;
            }

            string text = TextCleaner.Clean(block.Text);
            if (text.Length == 0)
            {
                continue;
            }

            if (region == Region.Caption || IsLooseCaption(nodes, block) || CreditLines.IsCredit(text))
            {
                result.Captions.Add(new ArticleCaption(text, result.Paragraphs.Count));
                continue;
            }

            string? folded = text.Length <= 160 ? VietnameseFolder.Fold(text) : null;
            if (folded is not null && BoilerplateLexicon.TryMatch(folded, out BoilerplateAction action))
            {
                if (action == BoilerplateAction.EndOfArticle && result.Paragraphs.Count > 0)
                {
                    break;
                }

                droppingLinks = action == BoilerplateAction.DropWithFollowingLinks;
                continue;
            }

            if (block.LinkDensity > 0.5 || (droppingLinks && (block.LinkDensity > 0.2 || block.Kind == BlockKind.ListItem)))
            {
                // "More on this", "Read also": a heading whose section is a list of links headed that list.
                if (lastOpensMore && block.LinkDensity > 0.5 && result.Paragraphs.Count > 1)
                {
                    result.Paragraphs.RemoveAt(result.Paragraphs.Count - 1);
                    lastOpensMore = false;
                    droppingLinks = true;
                }

                continue;
            }

            droppingLinks = false;
            if (region == Region.Byline)
            {
                result.Bylines.Add(text);
                continue;
            }

            if (IsSameText(folded ?? VietnameseFolder.Fold(text), titleKey) || IsDateLine(text) || IsLinkLine(text) || IsBylineCopy(model, text))
            {
                continue;
            }

            bool boldOpening = result.Paragraphs.Count == 0 && block.Chars >= 60 && block.StrongChars >= block.Chars * 0.9 && block.Kind == BlockKind.Paragraph;
            string key = folded ?? VietnameseFolder.Fold(text);
            // A description from the metadata removes only its exact copy; the page's own sapo, or a bold
            // opening paragraph, also removes a copy that differs by a dateline or an ellipsis.
            if (leadKey is not null && result.LeadParagraph is null && (key == leadKey || ((leadIsVisible || boldOpening) && IsLeadCopy(key, leadKey))))
            {
                result.LeadParagraph ??= text;
                continue;
            }

            if (boldOpening && leadKey is null && result.LeadParagraph is null)
            {
                // Vietnamese papers set the sapo as a bold first paragraph.
                result.LeadParagraph = text;
                continue;
            }

            result.Paragraphs.Add(text);
            lastOpensMore = block.Kind == BlockKind.Heading || (text.Length <= 80 && text.EndsWith(':'));
        }

        // A heading or a "More on this:" line with nothing of the article after it introduced what was dropped
        // (related links, a map, a list of blogs).
        if (lastOpensMore && result.Paragraphs.Count > 1)
        {
            result.Paragraphs.RemoveAt(result.Paragraphs.Count - 1);
        }

        DropClosingPromos(result.Paragraphs);
        TakeTrailingBylines(result);
    }

    // The short paragraphs that close the body by calling the reader to subscribe, follow, download or donate
    // (a run of them: one box after another). The first non-promo paragraph from the end stops it.
    private static void DropClosingPromos(List<string> paragraphs)
    {
        while (paragraphs.Count > 1 && PromoLines.IsPromo(paragraphs[^1]))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
    }

    private enum Region
    {
        Body,
        Caption,
        Byline,
        Boilerplate,
    }

    private static Region RegionOf(Span<PageNode> nodes, int node, int root)
    {
        int rootChars = Math.Max(1, nodes[root].TextChars);
        Region region = Region.Body;
        for (int n = node; n > root && n >= 0; n = nodes[n].Parent)
        {
            ref PageNode current = ref nodes[n];
            NodeFlags flags = current.Flags;
            bool small = current.TextChars <= rootChars / 2;
            if (small && (flags & (NodeFlags.StrongNegative | NodeFlags.Furniture)) != 0 && (flags & NodeFlags.CaptionHint) == 0 && (flags & NodeFlags.BylineHint) == 0)
            {
                return Region.Boilerplate;
            }

            if (small && current.TextChars < 600 && ((flags & (NodeFlags.Figure | NodeFlags.CaptionHint)) != 0 || ((flags & NodeFlags.Table) != 0 && current.Images > 0)))
            {
                region = Region.Caption;
            }

            if (region == Region.Body && (flags & NodeFlags.BylineHint) != 0 && current.TextChars < 120)
            {
                region = Region.Byline;
            }

            // An author box with a bio ("About Simon: ...") is longer than a byline but no part of the article.
            if ((flags & (NodeFlags.BylineHint | NodeFlags.Positive)) == NodeFlags.BylineHint && current.TextChars >= 120 && current.TextChars <= rootChars / 3)
            {
                return Region.Boilerplate;
            }
        }

        return region;
    }

    // A caption set in italics under a photo, without a figure or a caption class.
    private static bool IsLooseCaption(Span<PageNode> nodes, TextBlock block) =>
        block.Chars < 400 && block.ItalicChars >= block.Chars * 0.8 && (block.FollowsImage || nodes[block.Owner].Images > 0);

    // The text of a byline element (class "author") met again inside the body container.
    private static bool IsBylineCopy(PageModel model, string text)
    {
        if (text.Length > 80)
        {
            return false;
        }

        foreach (string byline in model.BylineTexts)
        {
            if (string.Equals(TextCleaner.Clean(byline), text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSameText(string folded, string? key) => key is not null && folded == key;

    private static bool IsLeadCopy(string folded, string leadKey)
    {
        if (folded == leadKey)
        {
            return true;
        }

        // The visible sapo and the description differ by a dateline or an ellipsis ("(ĐCSVN) - ", "...").
        string longer = folded.Length >= leadKey.Length ? folded : leadKey;
        string shorter = ReferenceEquals(longer, folded) ? leadKey : folded;
        return shorter.Length >= 40 && shorter.Length >= longer.Length * 0.7 &&
               longer.Contains(TextCleaner.TrimEllipsis(shorter), StringComparison.Ordinal);
    }

    private static bool IsDateLine(string text)
    {
        if (text.Length > 80 || !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        int letters = 0;
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters <= 25 && VietnameseDateParser.TryParse(text, out _);
    }

    private static bool IsLinkLine(string text) =>
        !text.Contains(' ', StringComparison.Ordinal) &&
        (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    private static void TakeTrailingBylines(ExtractedContent result)
    {
        // "Hoàng Phong" or "Bài và ảnh: Ngọc Khang" closing the article.
        for (int k = 0; k < 2 && result.Paragraphs.Count > 1; k++)
        {
            string last = result.Paragraphs[^1];
            if (BylineParser.Parse(last).Count == 0)
            {
                break;
            }

            result.Bylines.Insert(0, last);
            result.Paragraphs.RemoveAt(result.Paragraphs.Count - 1);
        }
    }

    private static bool IsParagraphTag(string tag) =>
        tag is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "pre" or "blockquote" or "dt" or "dd" or "figcaption" or "caption";

    private static double InitialScore(string tag) => tag switch
    {
        "div" or "article" or "section" or "main" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };
}
