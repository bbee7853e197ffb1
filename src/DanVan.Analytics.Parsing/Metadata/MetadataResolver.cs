using DanVan.Analytics.Parsing.Content;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Text.Dates;
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
internal static partial class MetadataResolver
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
        AddName(meta.SiteNames, Get(metas, "dc.publisher"));
        // A personal site's copyright holder ("Günter Pilger, Essen") is its author, not a publisher to keep out of the authors.
        if (Get(metas, "copyright") is { } holder && !BylineFinder.IsPersonName(Clean(holder.Split(',')[0])))
        {
            AddName(meta.SiteNames, holder);
        }
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
