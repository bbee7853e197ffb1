using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>The title: metadata against the visible headline, and the node that shows it.</summary>
internal static partial class MetadataResolver
{
    private static void ResolveTitle(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, string? host, List<ParseWarning> warnings)
    {
        string heading = Clean(model.FirstHeading);
        string? fromMetadata = null;
        string[] candidates = [Clean(ld.Headline), Clean(Get(metas, "og:title")), Clean(Get(metas, "twitter:title")), Clean(Get(micro, "headline")), Clean(Get(metas, "dc.title"))];
        foreach (string candidate in candidates)
        {
            if (candidate.Length > 0)
            {
                fromMetadata = candidate;
                break;
            }
        }

        if (fromMetadata is not null)
        {
            // JSON-LD headlines are often cut at 110 characters with an ellipsis; a later source may have it whole.
            string stem = TextCleaner.TrimEllipsis(fromMetadata);
            if (stem.Length < fromMetadata.Length)
            {
                foreach (string candidate in candidates.Append(heading))
                {
                    if (candidate.Length > stem.Length && candidate.StartsWith(stem, StringComparison.Ordinal) &&
                        ReferenceEquals(TextCleaner.TrimEllipsis(candidate), candidate))
                    {
                        fromMetadata = candidate;
                        break;
                    }
                }
            }

            meta.Title = VisibleHeadline(model, TitleCleaner.StripSiteNameByHeadings(fromMetadata, meta.SiteNames, host, PlainHeadings(model, heading), out _));
            return;
        }

        string pageTitle = Clean(model.TitleText);
        if (pageTitle.Length > 0)
        {
            string stripped = TitleCleaner.StripSiteNameByHeadings(pageTitle, meta.SiteNames, host, PlainHeadings(model, heading), out bool guessed);
            string longest = TitleCleaner.LongestPart(stripped, meta.SiteNames, host);
            guessed |= !ReferenceEquals(longest, stripped);
            meta.Title = VisibleHeadline(model, longest);
            if (guessed)
            {
                warnings.Add(new ParseWarning(ParseWarningCode.TitleGuessed, "The page has no title metadata; the site name was cut from <title>."));
            }

            return;
        }

        if (heading.Length > 0)
        {
            meta.Title = heading;
            warnings.Add(new ParseWarning(ParseWarningCode.TitleGuessed, "The page has no title metadata and no <title>; the first <h1> was used."));
            return;
        }

        warnings.Add(new ParseWarning(ParseWarningCode.NoTitle, "The page has no title."));
    }

    // The first h1, then the other h1 and h2 headings; linked ones last: a linked heading is usually the site's logo,
    // though a blog's headline is often its own permalink.
    private static IEnumerable<string> PlainHeadings(PageModel model, string firstHeading) =>
        new[] { firstHeading }.Concat(model.Headings.OrderBy(h => h.IsLink).Select(h => Clean(h.Text))).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal);

    // The headline as the page shows it, when a visible heading is that headline: the metadata title is often
    // a shortened, SEO-rewritten or differently punctuated form of it. Headings that are links (the site's
    // logo) do not count; a page with one plain h1 shows its headline there.
    private static string VisibleHeadline(PageModel model, string title)
    {
        string titleKey = VietnameseFolder.Fold(title);
        string? single = null;
        string[]? singleParts = null;
        int h1Count = 0;
        string? best = null;
        string[]? bestParts = null;
        double bestOverlap = 0;
        foreach ((int level, string raw, bool isLink, string[]? parts) in model.Headings)
        {
            string text = Clean(raw);
            if (isLink || text.Length < 3 || text.Length > 300)
            {
                continue;
            }

            if (level == 1)
            {
                h1Count++;
                single = text;
                singleParts = parts;
            }

            string key = VietnameseFolder.Fold(text);
            double overlap = key == titleKey ? 2 : key.Length >= 8 && titleKey.Length >= 8 && (titleKey.Contains(key, StringComparison.Ordinal) || key.Contains(titleKey, StringComparison.Ordinal)) ? 1.5 : WordOverlap(key, titleKey);
            if (overlap > bestOverlap && (level == 1 || overlap >= 1.5))
            {
                best = text;
                bestParts = parts;
                bestOverlap = overlap;
            }
        }

        if (best is not null && bestOverlap >= 0.6)
        {
            return HeadlinePart(best, bestParts, titleKey);
        }

        return h1Count == 1 && single!.Length >= 10 && single.Contains(' ', StringComparison.Ordinal) ? HeadlinePart(single, singleParts, titleKey) : title;
    }

    // A heading set as kicker and headline ("Immobilienkrise" + "Rene Benko-Firma Signa in Sorge"): the headline is
    // the longest part the metadata title also holds. When the metadata title carries the kicker too
    // ("Klimaschutz: Bohren, bis es heiß wird"), the headline is the heading's longer part of the two.
    private static string HeadlinePart(string heading, string[]? parts, string titleKey)
    {
        if (parts is null)
        {
            return heading;
        }

        if (VietnameseFolder.Fold(heading) == titleKey)
        {
            return KickedHeadline(parts) ?? heading;
        }

        string? chosen = null;
        foreach (string part in parts)
        {
            string key = VietnameseFolder.Fold(part);
            if (key.Length >= 8 && titleKey.Contains(key, StringComparison.Ordinal) && (chosen is null || part.Length > chosen.Length))
            {
                chosen = part;
            }
        }

        return chosen ?? KickedHeadline(parts) ?? heading;
    }

    // The headline of a heading made of a kicker, a separator mark (":", "–", "|") and a longer headline of at least
    // three words; a heading whose first word alone is styled ("<span>Ehezoff</span> der Pochers …") is no kicker.
    private static string? KickedHeadline(string[] parts)
    {
        var worded = new List<string>(2);
        bool separated = false;
        foreach (string raw in parts)
        {
            string text = Clean(raw).Trim();
            string part = text.Trim(TitleSeparators.StrayMarks);
            if (!part.Any(char.IsLetter))
            {
                separated |= worded.Count == 1 && text.Any(IsKickerMark);
                continue;
            }

            // The mark may also end the kicker's element ("Klimaschutz:") or open the headline's.
            separated |= text.Length > 0 && ((worded.Count == 0 && IsKickerMark(text[^1])) || (worded.Count == 1 && IsKickerMark(text[0])));
            worded.Add(part);
            if (worded.Count > 2)
            {
                return null;
            }
        }

        return worded.Count == 2 && separated && worded[1].Length > worded[0].Length && worded[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 ? worded[1] : null;
    }

    // The marks that set a kicker apart from its headline (the ones a heading part keeps, see PageWalker.AddPart, and the dash).
    private static bool IsKickerMark(char c) => c is ':' or '–' or '—' or '|' or '-';

    // The share of the shorter text's words found in the other.
    private static double WordOverlap(string a, string b)
    {
        string[] aw = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] bw = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (aw.Length == 0 || bw.Length == 0)
        {
            return 0;
        }

        (string[] shorter, string[] longer) = aw.Length <= bw.Length ? (aw, bw) : (bw, aw);
        int found = shorter.Count(w => Array.IndexOf(longer, w) >= 0);
        return (double)found / longer.Length;
    }


    // The heading that shows the title: its text equals the title or holds it (a kicker before, a label after);
    // a visually hidden "Navigation" h1 earlier in the page is not it.
    private static int TitleNode(PageModel model, string? title)
    {
        if (title is { Length: >= 8 })
        {
            string key = TextCleaner.FoldKey(title);
            foreach (TextBlock block in model.Blocks)
            {
                if (block.Kind == BlockKind.Heading && block.Chars >= key.Length / 2 && block.Chars <= key.Length * 2)
                {
                    string heading = TextCleaner.FoldKey(block.Text);
                    if (heading.Length >= 8 && (heading.Contains(key, StringComparison.Ordinal) || key.Contains(heading, StringComparison.Ordinal)))
                    {
                        return block.Owner;
                    }
                }
            }
        }

        return model.FirstHeadingNode;
    }
}
