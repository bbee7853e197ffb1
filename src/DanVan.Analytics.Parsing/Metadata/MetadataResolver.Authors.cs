using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>The authors: JSON-LD, author metadata and bylines, cleaned of site names and labels.</summary>
internal static partial class MetadataResolver
{
    private static void ResolveAuthors(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, string? host)
    {
        ReadAuthors(model, ld, metas, micro, meta, host);

        // A first name alone ("Nils") that a person of the page's graph carries in full ("Nils Pickert") is that person.
        for (int i = 0; i < meta.Authors.Count; i++)
        {
            string first = meta.Authors[i];
            if (!first.Contains(' ', StringComparison.Ordinal) &&
                ld.People.Where(p => p.StartsWith(first + " ", StringComparison.Ordinal)).Distinct().ToList() is [var full])
            {
                meta.Authors[i] = full;
            }
        }
    }

    private static void ReadAuthors(PageModel model, JsonLdArticle ld, Dictionary<string, string> metas, Dictionary<string, string> micro, ResolvedMetadata meta, string? host)
    {
        foreach (string author in ld.Authors)
        {
            AddAuthor(meta, author, host);
        }

        if (meta.Authors.Count > 0)
        {
            return;
        }

        // SEO plugins label the author in the card data: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name.
        for (int i = 1; i <= 2; i++)
        {
            if (Get(metas, $"twitter:label{i}") is { } label && Get(metas, $"twitter:data{i}") is { } data && BylineParser.IsIntroducer(label))
            {
                AddAuthor(meta, data, host);
            }
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

        foreach (string? candidate in new[] { Get(metas, "author"), Get(metas, "article:author"), Get(metas, "og:article:author"), Get(metas, "dc.creator"), Get(micro, "author"), Get(micro, "creator") })
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
}
