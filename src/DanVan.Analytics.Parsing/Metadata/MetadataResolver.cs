using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Text.Dates;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>The article's metadata, each field taken from the most trusted source that has it.</summary>
internal sealed class ResolvedMetadata
{
    public string? Title { get; set; }
    public string? Lead { get; set; }
    public bool LeadFromMetadata { get; set; }
    public string? Site { get; set; }
    public Uri? Canonical { get; set; }
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset? Updated { get; set; }
    public List<string> Authors { get; } = [];
    public string? Section { get; set; }
    public List<string> Tags { get; } = [];
    public string? Language { get; set; }
    public List<string> SiteNames { get; } = [];

    /// <summary>The node of the heading that shows the title (the first h1 when none matches), or -1.</summary>
    public int TitleNode { get; set; } = -1;
}

/// <summary>
/// Resolves metadata in order of trust: JSON-LD (<c>NewsArticle</c>/<c>Article</c>), then OpenGraph and
/// <c>&lt;meta&gt;</c> tags, then microdata, then the visible markup (h1, sapo, date and byline elements).
/// </summary>
internal static class MetadataResolver
{
    private static readonly string[] PublishedMetaKeys =
        ["article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "article.published", "sailthru.date", "parsely-pub-date"];

    private static readonly string[] ModifiedMetaKeys = ["article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified", "dc.date.modified", "dcterms.modified"];

    /// <summary>Resolves the metadata of <paramref name="model"/>.</summary>
    public static ResolvedMetadata Resolve(PageModel model, JsonLdArticle ld, Uri? url, ArticleParseOptions options, List<ParseWarning> warnings)
    {
        var meta = new ResolvedMetadata();
        var metas = new Dictionary<string, string>(StringComparer.Ordinal);
        var tags = new List<string>();
        foreach (var (key, value) in model.Metas)
        {
            if (key == "article:tag")
            {
                tags.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            metas.TryAdd(key, value);
        }

        var micro = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in model.Microdata)
        {
            micro.TryAdd(key, value);
        }

        // Site names, for stripping title suffixes and telling organizations from authors.
        AddName(meta.SiteNames, Get(metas, "og:site_name"));
        AddName(meta.SiteNames, ld.Publisher);
        AddName(meta.SiteNames, Get(metas, "application-name"));
        AddName(meta.SiteNames, Get(metas, "copyright"));
        AddName(meta.SiteNames, ld.WebSiteName);

        foreach (string organization in ld.Organizations)
        {
            AddName(meta.SiteNames, organization);
        }

        string? host = url?.Host;
        meta.Site = Clean(Get(metas, "og:site_name") ?? ld.Publisher ?? Get(metas, "application-name")) is { Length: > 0 } site
            ? site
            : host is null ? null : host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

        ResolveTitle(model, ld, metas, micro, meta, host, warnings);
        meta.TitleNode = TitleNode(model, meta.Title);
        ResolveDates(model, ld, metas, micro, meta, url, options, warnings);
        ResolveLead(model, ld, metas, micro, meta);
        ResolveAuthors(model, ld, metas, micro, meta, host);

        meta.Section = Clean(ld.Section ?? Get(metas, "article:section") ?? Get(micro, "articleSection") ??
                             LastCrumb(ld.Breadcrumb, meta.Title) ?? LastCrumb(model.Breadcrumb, meta.Title)) is { Length: > 0 } section ? section : null;

        IEnumerable<string> tagSource = tags.Count > 0 ? tags
            : ld.Keywords.Count > 0 ? ld.Keywords
            : (Get(metas, "news_keywords") ?? Get(metas, "keywords") ?? Get(micro, "keywords") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (string tag in tagSource)
        {
            AddName(meta.Tags, tag);
        }

        string? language = model.Language ?? ld.Language ?? Get(metas, "content-language") ?? Get(metas, "language") ?? Get(micro, "inLanguage") ?? Get(metas, "og:locale");
        meta.Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim().Replace('_', '-').ToLowerInvariant();

        string? canonical = model.CanonicalHref ?? Get(metas, "og:url") ?? ld.Url;
        meta.Canonical = ResolveUrl(canonical, url);
        return meta;
    }

    // The deepest breadcrumb that names a section: not the article's own title, not "Trang chủ".
    private static string? LastCrumb(List<string> crumbs, string? title)
    {
        string? titleKey = title is null ? null : VietnameseFolder.Fold(title);
        for (int i = crumbs.Count - 1; i >= 0; i--)
        {
            string crumb = Clean(crumbs[i]);
            string key = VietnameseFolder.Fold(crumb);
            if (crumb.Length > 0 && key != titleKey && key is not ("trang chu" or "home"))
            {
                return crumb;
            }
        }

        return null;
    }

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
    // the longest part the metadata title also holds. A heading that reads as the metadata title stays whole.
    private static string HeadlinePart(string heading, string[]? parts, string titleKey)
    {
        if (parts is null || VietnameseFolder.Fold(heading) == titleKey)
        {
            return heading;
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

        return chosen ?? heading;
    }

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

    private static void ResolveDates(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, Uri? url, ArticleParseOptions options, List<ParseWarning> warnings)
    {
        var published = new List<string?> { ld.Published };
        foreach (string key in PublishedMetaKeys)
        {
            published.Add(Get(metas, key));
        }

        published.Add(Get(micro, "datePublished"));
        published.Add(ld.PageDate);
        string? path = (url ?? ResolveUrl(model.CanonicalHref ?? Get(metas, "og:url") ?? ld.Url, null))?.AbsolutePath;
        foreach (string? candidate in published)
        {
            if (candidate is not null && TryDate(candidate, options, out DateTimeOffset value, out bool zoneGiven))
            {
                meta.Published = ShownDay(model, value, path, meta.TitleNode, options);
                if (!zoneGiven)
                {
                    warnings.Add(new ParseWarning(ParseWarningCode.TimeZoneAssumed, $"The published time \"{candidate.Trim()}\" has no zone; Vietnam time was assumed."));
                }

                break;
            }
        }

        if (meta.Published is null)
        {
            // Visible text: <time datetime>, then elements whose class says date, nearest to the headline first
            // (the page header's "today" and the dates of related-news lists lie farther away).
            int anchor = meta.TitleNode;
            IEnumerable<string> dateTexts = model.DateTexts
                .OrderBy(d => anchor < 0 ? d.Key : Math.Abs(d.Key - anchor))
                .Select(d => d.Value);
            // Then the address ("/2019/10/21/slug"), then a short date line next to the headline.
            foreach (string candidate in model.MachineDates.Concat(dateTexts).Concat(UrlDate(path)).Concat(DateLines(model, meta.TitleNode)))
            {
                if (TryDate(candidate, options, out DateTimeOffset value, out bool zoneGiven))
                {
                    meta.Published = value;
                    warnings.Add(new ParseWarning(ParseWarningCode.PublishedFromText, $"The published time was read from the page text \"{Clean(candidate)}\"."));
                    if (!zoneGiven)
                    {
                        warnings.Add(new ParseWarning(ParseWarningCode.TimeZoneAssumed, "The visible date has no zone; Vietnam time was assumed."));
                    }

                    break;
                }
            }
        }

        var modified = new List<string?> { ld.Modified };
        foreach (string key in ModifiedMetaKeys)
        {
            modified.Add(Get(metas, key));
        }

        modified.Add(Get(micro, "dateModified"));
        foreach (string? candidate in modified)
        {
            if (candidate is not null && TryDate(candidate, options, out DateTimeOffset value, out _))
            {
                meta.Updated = value;
                break;
            }
        }

        if (meta.Updated is null)
        {
            // "Cập nhật: 08:15 ngày 22/09/2023" among the date elements.
            foreach (string text in model.DateTexts.Select(d => d.Value))
            {
                string folded = VietnameseFolder.Fold(Clean(text));
                if (folded.Contains("cap nhat", StringComparison.Ordinal) && TryDate(text, options, out DateTimeOffset value, out _))
                {
                    meta.Updated = value;
                    break;
                }
            }
        }
    }

    // A machine time is one instant; the day a reader sees depends on the zone. A site that stores times in UTC
    // writes "2018-12-31T23:11:59Z" for a post its own page (and its address, "/2019/01/01/") dates January 1. When
    // the address or the date shown next to the headline is one day off the machine time, the same instant is
    // given in the offset that puts it on that day; a UTC time of exactly 22:00 or 23:00 is a local midnight
    // east of Greenwich (a date without a time, stored as UTC), so it is the next day.
    private static DateTimeOffset ShownDay(PageModel model, DateTimeOffset value, string? path, int titleNode, ArticleParseOptions options)
    {
        DateOnly day = DateOnly.FromDateTime(value.DateTime);
        DateOnly? shown = PathDay(path) ?? VisibleDay(model, titleNode, options);
        if (shown is { } other && Math.Abs(other.DayNumber - day.DayNumber) == 1 && !ShowsDay(model, day, titleNode, options))
        {
            return InOffsetShowing(value, other);
        }

        if (shown is null && value.Offset == TimeSpan.Zero && value.Hour is 22 or 23 && value.Minute == 0 && value.Second == 0 && value.Millisecond == 0)
        {
            return InOffsetShowing(value, day.AddDays(1));
        }

        return value;
    }

    // True when a date text in the article's header shows day too ("29. Dezember" updated, "30. Dezember" published);
    // the dates of lists of other articles, farther down, do not count.
    private static bool ShowsDay(PageModel model, DateOnly day, int titleNode, ArticleParseOptions options)
    {
        const int HeaderNodes = 40;
        foreach ((int node, string text) in model.DateTexts)
        {
            if (text.Length <= 80 && (titleNode < 0 || Math.Abs(node - titleNode) <= HeaderNodes) && !model.ModifiedDateNodes.Contains(node) && TryDate(Clean(text), options, out DateTimeOffset shown, out _) && DateOnly.FromDateTime(shown.DateTime) == day)
            {
                return true;
            }
        }

        return false;
    }

    // The instant in the offset nearest to its own whose local day is day (offsets run from -12 to +14 hours).
    private static DateTimeOffset InOffsetShowing(DateTimeOffset value, DateOnly day)
    {
        for (int shift = 1; shift <= 26; shift++)
        {
            foreach (int sign in (ReadOnlySpan<int>)[1, -1])
            {
                double hours = value.Offset.TotalHours + (sign * shift);
                if (hours is >= -12 and <= 14 && DateOnly.FromDateTime(value.ToOffset(TimeSpan.FromHours(hours)).DateTime) == day)
                {
                    return value.ToOffset(TimeSpan.FromHours(hours));
                }
            }
        }

        return value;
    }

    // The year-month-day in a path ("/2019/01/01/slug", "/2019-01-01-slug").
    private static DateOnly? PathDay(string? path)
    {
        if (path is null)
        {
            return null;
        }

        ReadOnlySpan<char> s = path;
        for (int i = 0; i + 10 <= s.Length; i++)
        {
            if ((i == 0 || !char.IsAsciiDigit(s[i - 1])) && s[i] is '1' or '2' && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3]) &&
                s[i + 4] is '/' or '-' && s[i + 7] == s[i + 4] && char.IsAsciiDigit(s[i + 5]) && char.IsAsciiDigit(s[i + 6]) && char.IsAsciiDigit(s[i + 8]) && char.IsAsciiDigit(s[i + 9]) &&
                (i + 10 == s.Length || !char.IsAsciiDigit(s[i + 10])) &&
                int.TryParse(s.Slice(i, 4), out int year) && int.TryParse(s.Slice(i + 5, 2), out int month) && int.TryParse(s.Slice(i + 8, 2), out int dayOfMonth) &&
                year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, dayOfMonth);
            }
        }

        return null;
    }

    // The day of the date text nearest to the headline (a <time> or an element whose class says date), as shown.
    private static DateOnly? VisibleDay(PageModel model, int titleNode, ArticleParseOptions options)
    {
        string? nearest = null;
        int distance = int.MaxValue;
        foreach ((int node, string text) in model.DateTexts)
        {
            int d = titleNode < 0 ? node : Math.Abs(node - titleNode);
            if (d < distance && text.Length <= 80 && text.AsSpan().ContainsAnyInRange('0', '9') && !model.ModifiedDateNodes.Contains(node))
            {
                nearest = text;
                distance = d;
            }
        }

        return nearest is not null && TryDate(Clean(nearest), options, out DateTimeOffset shown, out _) ? DateOnly.FromDateTime(shown.DateTime) : null;
    }

    // A path with a year-month-day date in it, as blogs and newspapers file articles.
    private static IEnumerable<string> UrlDate(string? path)
    {
        if (path is not null && path.AsSpan().ContainsAnyInRange('0', '9'))
        {
            yield return Uri.UnescapeDataString(path).Replace('_', ' ');
        }
    }

    // Short blocks of the page text that hold a date ("18. Mai 2014", "Posted on May 18, 2014"), nearest to the
    // headline first; the dates of lists of other articles lie farther away.
    private static IEnumerable<string> DateLines(PageModel model, int titleNode)
    {
        const int MaxDistance = 40;
        const int MaxLine = 100;
        // "01.02.2022 „Der Arbeitsmarkt …": a paragraph that opens with its date.
        const int OpeningDate = 24;
        List<TextBlock> blocks = model.Blocks;
        int anchor = 0;
        if (titleNode >= 0)
        {
            anchor = blocks.FindIndex(b => b.Owner >= titleNode);
            anchor = anchor < 0 ? 0 : anchor;
        }

        for (int distance = 0; distance <= MaxDistance; distance++)
        {
            for (int side = 0; side < (distance == 0 ? 1 : 2); side++)
            {
                int i = side == 0 ? anchor + distance : anchor - distance;
                if (i < 0 || i >= blocks.Count)
                {
                    continue;
                }

                string text = blocks[i].Text;
                if (blocks[i].Chars > MaxLine)
                {
                    text = text[..Math.Min(text.Length, OpeningDate)];
                }

                if (text.AsSpan().ContainsAnyInRange('0', '9'))
                {
                    yield return text;
                }
            }
        }
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

    private static void ResolveLead(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta)
    {
        string? description = ld.Description ?? Get(metas, "og:description") ?? Get(metas, "twitter:description") ?? Get(micro, "description") ?? Get(metas, "description") ?? Get(metas, "dc.description");
        string metaLead = description is null ? string.Empty : TitleCleaner.StripSiteName(Clean(description), meta.SiteNames, null, heading: null, out _);
        string? visible = null;
        foreach (string text in model.LeadTexts)
        {
            string cleaned = Clean(text);
            if (cleaned.Length >= 30 && cleaned.Length <= 1500)
            {
                visible = cleaned;
                break;
            }
        }

        if (visible is not null && (metaLead.Length == 0 || Agrees(visible, metaLead)))
        {
            meta.Lead = visible;
        }
        else if (metaLead.Length > 0)
        {
            meta.Lead = metaLead;
            meta.LeadFromMetadata = true;
        }
    }

    // The visible sapo and the description are the same text when one holds the start of the other.
    internal static bool Agrees(string visible, string description)
    {
        string a = VietnameseFolder.Fold(visible);
        string b = TextCleaner.TrimEllipsis(VietnameseFolder.Fold(description));
        int probe = Math.Min(40, Math.Min(a.Length, b.Length));
        return probe >= 15 && (a.Contains(b[..probe], StringComparison.Ordinal) || b.Contains(a[..probe], StringComparison.Ordinal));
    }

    private static void ResolveAuthors(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, string? host)
    {
        foreach (string author in ld.Authors)
        {
            AddAuthor(meta, author, host);
        }

        if (meta.Authors.Count > 0)
        {
            return;
        }

        // The first author link is the byline; later ones are "more by" links, archives and widgets.
        if (model.AuthorLinks.Count > 0)
        {
            AddAuthor(meta, model.AuthorLinks[0], host);
        }

        if (meta.Authors.Count > 0)
        {
            return;
        }

        foreach (string? candidate in new[] { Get(metas, "author"), Get(metas, "article:author"), Get(metas, "dc.creator"), Get(micro, "author"), Get(micro, "creator") })
        {
            if (candidate is null)
            {
                continue;
            }

            foreach (string part in candidate.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddAuthor(meta, part, host);
            }

            if (meta.Authors.Count > 0)
            {
                return;
            }
        }
    }

    private static void AddAuthor(ResolvedMetadata meta, string raw, string? host)
    {
        // "unocero - Alberto Ávila": the site's name beside the person's is not part of it.
        string[] segments = raw.Split([" - ", " – ", " | "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length > 1)
        {
            string label = HostLabel(host);
            string[] people = [.. segments.Where(part => VietnameseFolder.Fold(part).Replace(" ", string.Empty, StringComparison.Ordinal) != label &&
                !meta.SiteNames.Any(site => string.Equals(site, part, StringComparison.OrdinalIgnoreCase)))];
            if (people.Length < segments.Length)
            {
                foreach (string person in people)
                {
                    AddAuthor(meta, person, host);
                }

                return;
            }
        }

        // "Zeige alle Beiträge von Max Muster", "By Jane Doe": the byline word is not part of the name.
        List<string> names = BylineParser.Introduced(raw, 0, allowSingleWord: true);
        if (names.Count > 0 && !(names.Count == 1 && Clean(raw).EndsWith(names[0], StringComparison.Ordinal) && Clean(raw).Length == names[0].Length))
        {
            foreach (string single in names)
            {
                AddAuthor(meta, single, host);
            }

            return;
        }

        // "Thu Hà - Minh Anh" in one field is two people.
        names = BylineParser.Parse(raw);
        if (names.Count > 1)
        {
            foreach (string single in names)
            {
                AddAuthor(meta, single, host);
            }

            return;
        }

        string name = BylineParser.Tidy(Clean(raw)) ?? string.Empty;
        if (name.Length is 0 or > 80 || BylineParser.IsPlaceholder(name) || name.Contains("://", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        string folded = VietnameseFolder.Fold(name);
        string hostLabel = HostLabel(host);
        foreach (string site in meta.SiteNames)
        {
            string foldedSite = VietnameseFolder.Fold(site);
            if (folded == foldedSite || (folded.Length >= 6 && foldedSite.Contains(folded, StringComparison.Ordinal)))
            {
                return;
            }
        }

        // "VnExpress", "Báo Lao Động", "baohagiang.vn": the publisher, not a person.
        if (folded.StartsWith("bao ", StringComparison.Ordinal) || folded.Contains('.', StringComparison.Ordinal) ||
            (hostLabel.Length > 0 && folded.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(hostLabel, StringComparison.Ordinal) &&
             // A personal site named after its owner ("helge.at", "Helge Fahrnberger") still has a person as author.
             (folded.Replace(" ", string.Empty, StringComparison.Ordinal) == hostLabel || !folded.Split(' ').Contains(hostLabel))))
        {
            return;
        }

        AddName(meta.Authors, name);
    }

    internal static string HostLabel(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return string.Empty;
        }

        string[] labels = host.ToLowerInvariant().Split('.');
        // The registrable name: "vnexpress" of "vnexpress.net", "dangcongsan" of "dangcongsan.vn", "hanoimoi" of "www.hanoimoi.com.vn".
        foreach (string label in labels)
        {
            if (label is not ("www" or "m" or "amp" or "com" or "vn" or "net" or "org" or "gov" or "edu" or "info") && label.Length > 2)
            {
                return label;
            }
        }

        return string.Empty;
    }

    internal static bool TryDate(string text, ArticleParseOptions options, out DateTimeOffset value, out bool zoneGiven)
    {
        if (VietnameseDateParser.TryParse(text.AsSpan().Trim(), options.DefaultOffset, out value, out zoneGiven))
        {
            return true;
        }

        // RFC 1123 ("Thu, 02 Nov 2023 12:20:45 GMT") and other English forms with a zone.
        zoneGiven = true;
        return DateTimeOffset.TryParseExact(text.Trim(), "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out value);
    }

    private static Uri? ResolveUrl(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        string trimmed = href.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, trimmed, out Uri? relative) ? relative : null;
    }

    private static void AddName(List<string> names, string? raw)
    {
        string name = Clean(raw);
        if (name.Length == 0)
        {
            return;
        }

        foreach (string existing in names)
        {
            if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        names.Add(name);
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string Clean(string? text) => TextCleaner.Clean(text);
}
