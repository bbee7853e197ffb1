using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>The published and updated dates: machine times checked against the day the page shows.</summary>
internal static partial class MetadataResolver
{
    private static void ResolveDates(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, Uri? url, ArticleParseOptions options, List<ParseWarning> warnings)
    {
        var published = new List<string?> { ld.Published };
        foreach (string key in PublishedMetaKeys)
        {
            published.Add(Get(metas, key));
        }

        published.Add(Get(micro, "datePublished"));
        published.Add(ld.PageDate);
        Uri? address = url ?? ResolveUrl(model.CanonicalHref ?? Get(metas, "og:url") ?? ld.Url, null);
        string? path = address?.AbsolutePath;
        foreach (string? candidate in published)
        {
            if (candidate is not null && TryDate(candidate, options, out DateTimeOffset value, out bool zoneGiven))
            {
                meta.Published = ShownDay(model, InSiteZone(model, value, zoneGiven, address?.Host, meta.TitleNode, options), path, meta.TitleNode, options);
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
            // Then the address ("/2019/10/21/slug"), then a short date line next to the headline. A full date in the
            // address outranks a visible one days away from it (a comment's or a sidebar's time).
            DateOnly? addressDay = PathDay(path);
            foreach (string candidate in model.MachineDates.Concat(dateTexts).Concat(UrlDate(path)).Concat(DateLines(model, meta.TitleNode)))
            {
                if (TryDate(candidate, options, out DateTimeOffset value, out bool zoneGiven) &&
                    (addressDay is not { } day || Math.Abs(DateOnly.FromDateTime(value.DateTime).DayNumber - day.DayNumber) <= 1))
                {
                    meta.Published = InSiteZone(model, value, zoneGiven, address?.Host, meta.TitleNode, options);
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

    // A UTC time on a site of a country-code domain is shown in that country's zone ("2019-10-18T22:04:00Z" on a
    // .at site is October 19 for its readers). Only a change of day matters, and a page that shows the UTC day
    // ("12/06/2023 22:32 (GMT+0)") keeps it.
    private static DateTimeOffset InSiteZone(PageModel model, DateTimeOffset value, bool zoneGiven, string? host, int titleNode, ArticleParseOptions options)
    {
        if (!zoneGiven || value.Offset != TimeSpan.Zero || CountryZones.OffsetAt(host, value) is not { } offset)
        {
            return value;
        }

        DateTimeOffset local = value.ToOffset(offset);
        DateOnly utcDay = DateOnly.FromDateTime(value.DateTime);
        return DateOnly.FromDateTime(local.DateTime) == utcDay || ShowsDay(model, utcDay, titleNode, options) ? value : local;
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
        // "01.02.2022 „Der Arbeitsmarkt …", "Pressemitteilung vom 25. Januar 2022 | Berlin – …": a paragraph that
        // opens with its date.
        const int OpeningDate = 40;
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
}
