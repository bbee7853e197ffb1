using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>Cuts the site name from a page title: "… - Báo Lao Động Thủ Đô", "Báo Hà Giang | …".</summary>
internal static class TitleCleaner
{
    /// <summary>
    /// Removes a site-name suffix (or prefix). A part is the site name when it matches a known site name or
    /// the host, or (when <paramref name="heading"/> is known) when the rest equals the heading.
    /// </summary>
    /// <param name="title">The title as the page gives it.</param>
    /// <param name="siteNames">The names the page gives the site (og:site_name, JSON-LD publisher).</param>
    /// <param name="host">The host of the page's URL, if known.</param>
    /// <param name="heading">The page's visible &lt;h1&gt;, if any.</param>
    /// <param name="guessed">True when a part was cut.</param>
    public static string StripSiteName(string title, IReadOnlyList<string> siteNames, string? host, string? heading, out bool guessed)
    {
        guessed = false;
        string foldedTitle = VietnameseFolder.Fold(title);
        if (!string.IsNullOrEmpty(heading) && HeadingPart(title, foldedTitle, heading) is { } part)
        {
            guessed = true;
            return part;
        }

        string hostLabel = MetadataResolver.HostLabel(host);
        foreach (string separator in TitleSeparators.All)
        {
            int last = title.LastIndexOf(separator, StringComparison.Ordinal);
            // The site name is the shorter part, or the part that reads exactly as the site's name ("Penny - Stardew Valley Wiki").
            if (last > 0 && (title.Length - last - separator.Length < last || IsExactSiteName(title[(last + separator.Length)..], siteNames)) && IsSiteName(title[(last + separator.Length)..], siteNames, hostLabel))
            {
                guessed = true;
                return title[..last].Trim();
            }

            int first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && (first < title.Length - first - separator.Length || IsExactSiteName(title[..first], siteNames)) && IsSiteName(title[..first], siteNames, hostLabel))
            {
                guessed = true;
                return title[(first + separator.Length)..].Trim();
            }
        }

        return title;
    }

    /// <summary>
    /// <see cref="StripSiteName(string, IReadOnlyList{string}, string?, string?, out bool)"/> with every visible heading
    /// tried as the title's headline part (a hidden "Navigation" h1 may come before the real one).
    /// </summary>
    public static string StripSiteNameByHeadings(string title, IReadOnlyList<string> siteNames, string? host, IEnumerable<string> headings, out bool guessed)
    {
        string foldedTitle = VietnameseFolder.Fold(title);
        List<string> list = [.. headings];
        foreach (string heading in list)
        {
            // Among several headings the headline is the longer part; a shorter one is the site's own heading.
            if (HeadingPart(title, foldedTitle, heading) is { } part && part.Length * 2 > title.Length)
            {
                guessed = true;
                return part;
            }
        }

        // "Headline | modabot" where a heading of the page reads "modabot": that part is the site's own title,
        // unless the other part is the site ("Penny - Stardew Valley Wiki" with a heading "Penny").
        string hostLabel = MetadataResolver.HostLabel(host);
        foreach (string separator in TitleSeparators.All)
        {
            int last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0 && title.Length - last - separator.Length < last && IsHeading(title[(last + separator.Length)..], list) && !IsSiteRest(title[..last], siteNames, hostLabel))
            {
                guessed = true;
                return title[..last].Trim();
            }

            int first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && first < title.Length - first - separator.Length && IsHeading(title[..first], list) && !IsSiteRest(title[(first + separator.Length)..], siteNames, hostLabel))
            {
                guessed = true;
                return title[(first + separator.Length)..].Trim();
            }
        }

        return StripSiteName(title, siteNames, host, heading: null, out guessed);
    }

    /// <summary>
    /// The headline part of a <c>&lt;title&gt;</c> that still has several parts after the known site names were cut
    /// ("Four Years Remaining » Blog Archive » Interning of Small Integers"): the longest part that is not the site.
    /// Bars, guillemets and double slashes split first; dashes only when there are none of those, since a headline
    /// often holds a dash of its own.
    /// </summary>
    public static string LongestPart(string title, IReadOnlyList<string> siteNames, string? host)
    {
        string hostLabel = MetadataResolver.HostLabel(host);
        foreach (string[] separators in TitleSeparators.ByStrength)
        {
            List<string> parts = SplitAt(title, separators);
            if (parts.Count < 2)
            {
                continue;
            }

            string? longest = null;
            foreach (string raw in parts)
            {
                string part = raw.Trim(TitleSeparators.StrayMarks);
                if (part.Length > 0 && !IsSiteName(part, siteNames, hostLabel) && (longest is null || part.Length > longest.Length))
                {
                    longest = part;
                }
            }

            return longest ?? title;
        }

        return title;
    }

    // Splits at the separators; a separator before a lower-case word joins a compound ("chính trị - xã hội"), not parts.
    private static List<string> SplitAt(string title, string[] separators)
    {
        var parts = new List<string>();
        int start = 0;
        int searchFrom = 0;
        while (true)
        {
            int at = -1;
            int length = 0;
            foreach (string separator in separators)
            {
                int found = title.IndexOf(separator, searchFrom, StringComparison.Ordinal);
                if (found >= 0 && (at < 0 || found < at))
                {
                    at = found;
                    length = separator.Length;
                }
            }

            if (at < 0)
            {
                break;
            }

            searchFrom = at + length;
            if (searchFrom < title.Length && char.IsLower(title[searchFrom]))
            {
                continue;
            }

            parts.Add(title[start..at].Trim());
            start = searchFrom;
        }

        parts.Add(title[start..].Trim());
        parts.RemoveAll(p => p.Length == 0);
        return parts;
    }

    private static bool IsHeading(string part, List<string> headings)
    {
        string key = VietnameseFolder.Fold(part.Trim());
        return key.Length >= 3 && headings.Exists(h => VietnameseFolder.Fold(h) == key);
    }

    // The visible headline when it is one of the title's parts: "Site - Headline" or "Headline | Site".
    private static string? HeadingPart(string title, string foldedTitle, string heading)
    {
        string foldedHeading = VietnameseFolder.Fold(heading);
        if (foldedHeading.Length >= 10 && foldedTitle.Length > foldedHeading.Length + 2)
        {
            int at = foldedTitle.IndexOf(foldedHeading, StringComparison.Ordinal);
            if (at >= 0 && IsSeparatorRest(foldedTitle.AsSpan(0, at), end: true) && IsSeparatorRest(foldedTitle.AsSpan(at + foldedHeading.Length), end: false))
            {
                // The title's own spelling of that part (folding keeps length).
                return foldedTitle.Length == title.Length ? title.Substring(at, foldedHeading.Length).Trim() : heading;
            }
        }

        return null;
    }

    // True when the text beside the headline is empty or starts (ends) with a separator: it is the site part.
    private static bool IsSeparatorRest(ReadOnlySpan<char> rest, bool end)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        foreach (string separator in TitleSeparators.All)
        {
            if (end ? rest.EndsWith(separator, StringComparison.Ordinal) : rest.StartsWith(separator, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The rest of a title is the site when it reads as the site's name, or holds the host among parts of its own
    // ("petri-heil.ch | Dein Schweizer Fischereimagazin"); a product named like the host is not the site.
    private static bool IsSiteRest(string rest, IReadOnlyList<string> siteNames, string hostLabel) =>
        IsExactSiteName(rest, siteNames) || (IsSiteName(rest, siteNames, hostLabel) && Array.Exists(TitleSeparators.All, s => rest.Contains(s, StringComparison.Ordinal)));

    private static bool IsExactSiteName(string part, IReadOnlyList<string> siteNames)
    {
        string folded = VietnameseFolder.Fold(part.Trim());
        foreach (string site in siteNames)
        {
            if (folded.Length > 0 && VietnameseFolder.Fold(site.Trim()) == folded)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSiteName(string part, IReadOnlyList<string> siteNames, string hostLabel)
    {
        string folded = VietnameseFolder.Fold(part.Trim());
        if (folded.Length == 0)
        {
            return false;
        }

        string compact = folded.Replace(" ", string.Empty, StringComparison.Ordinal);
        // "chorknaben-ulm" (the host) is "Chorknaben Ulm" in the title.
        string host = hostLabel.Replace("-", string.Empty, StringComparison.Ordinal);
        if (host.Length > 0 && (compact.Contains(host, StringComparison.Ordinal) || (compact.Length >= 8 && host.Contains(compact, StringComparison.Ordinal))))
        {
            return true;
        }

        foreach (string site in siteNames)
        {
            string foldedSite = VietnameseFolder.Fold(site).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (foldedSite.Length >= 3 && (compact.Contains(foldedSite, StringComparison.Ordinal) || (compact.Length >= 8 && foldedSite.Contains(compact, StringComparison.Ordinal))))
            {
                return true;
            }

            // "vnexpress.net" as og:site_name against "VnExpress Kinh doanh".
            int dot = foldedSite.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 3 && compact.StartsWith(foldedSite[..dot], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
