using System.Net;
using System.Text;
using System.Text.Json;

namespace DanVan.Analytics.Parsing.Metadata;

/// <summary>The fields of a schema.org <c>NewsArticle</c>/<c>Article</c> in the page's JSON-LD.</summary>
internal sealed class JsonLdArticle
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public string? Headline { get; private set; }
    public string? Description { get; private set; }
    public string? Published { get; private set; }
    public string? Modified { get; private set; }
    public List<string> Authors { get; } = [];
    public List<string> Organizations { get; } = [];
    public string? Publisher { get; private set; }
    public string? Section { get; private set; }
    public List<string> Keywords { get; } = [];
    public string? Language { get; private set; }
    public string? Url { get; private set; }
    public List<string> Breadcrumb { get; } = [];
    public bool Found { get; private set; }

    /// <summary>The article's <c>articleBody</c>: its text as the site's CMS holds it, evidence for the visible body.</summary>
    public string? ArticleBody { get; private set; }

    /// <summary>The name of the <c>WebSite</c> object: the site's name, to cut from titles.</summary>
    public string? WebSiteName { get; private set; }

    /// <summary>The <c>datePublished</c> of a <c>WebPage</c> object, for pages whose JSON-LD has no article object.</summary>
    public string? PageDate { get; private set; }

    /// <summary>Reads every JSON-LD block; the first article object wins, later ones fill nothing in.</summary>
    public static JsonLdArticle Read(IEnumerable<string> blocks, List<ParseWarning> warnings)
    {
        var article = new JsonLdArticle();
        foreach (string raw in blocks)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(Sanitize(raw), DocumentOptions);
                article.Visit(document.RootElement, 0);
            }
            catch (JsonException exception)
            {
                warnings.Add(new ParseWarning(ParseWarningCode.MalformedJsonLd, "A JSON-LD block could not be read: " + exception.Message));
            }
        }

        // Yoast and similar graphs name the author by reference: "author": {"@id": ".../#/schema/person/…"}.
        foreach (string id in article._authorIds)
        {
            if (article._people.TryGetValue(id, out string? name))
            {
                article.Authors.Add(name);
            }
        }

        return article;
    }

    /// <summary>The names of the people the page's graph describes, whether or not it links them as authors.</summary>
    public IEnumerable<string> People => _people.Values;

    private readonly List<string> _authorIds = [];
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);

    // CMSs write raw line breaks and tabs inside JSON strings, which JSON forbids; as spaces they are harmless.
    private static string Sanitize(string raw)
    {
        string text = raw.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.EndsWith("-->", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c < ' ' ? ' ' : c);
        }

        return builder.ToString();
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out JsonElement graph))
        {
            Visit(graph, depth + 1);
        }

        if (HasType(element, "BreadcrumbList") && Breadcrumb.Count == 0 && element.TryGetProperty("itemListElement", out JsonElement items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                string? name = StringOf(item, "name") ?? (item.TryGetProperty("item", out JsonElement inner) ? StringOf(inner, "name") : null);
                if (name is not null)
                {
                    Breadcrumb.Add(name);
                }
            }
        }

        if (HasType(element, "Person") && StringOf(element, "@id") is { } personId && PersonName(element) is { Length: > 0 } personName && _people.Count < 64)
        {
            _people.TryAdd(personId, Decode(personName));
        }

        if (WebSiteName is null && HasType(element, "WebSite"))
        {
            WebSiteName = StringOf(element, "name");
        }

        // A WebPage (Yoast graphs without an Article) still dates the page; used only when no article object does.
        if (PageDate is null && !IsArticle(element) && (HasType(element, "WebPage") || HasType(element, "ItemPage") || HasType(element, "AboutPage") || HasType(element, "CollectionPage")))
        {
            PageDate = StringOf(element, "datePublished") ?? StringOf(element, "dateCreated");
        }

        if (IsArticle(element))
        {
            if (!Found)
            {
                Found = true;
                Take(element);
            }

            return;
        }

        if (element.TryGetProperty("mainEntity", out JsonElement main))
        {
            Visit(main, depth + 1);
        }
    }

    private void Take(JsonElement article)
    {
        Headline = StringOf(article, "headline") ?? (IsTextArticle(article) ? StringOf(article, "name") : null);
        Description = StringOf(article, "description");
        ArticleBody = StringOf(article, "articleBody");
        Published = StringOf(article, "datePublished") ?? StringOf(article, "dateCreated");
        Modified = StringOf(article, "dateModified");
        Section = FirstString(article, "articleSection");
        Language = StringOf(article, "inLanguage");
        Url = StringOf(article, "url") ?? (article.TryGetProperty("mainEntityOfPage", out JsonElement page)
            ? page.ValueKind == JsonValueKind.String ? page.GetString() : StringOf(page, "@id") ?? StringOf(page, "url")
            : null);
        if (article.TryGetProperty("publisher", out JsonElement publisher))
        {
            Publisher = publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : StringOf(publisher, "name");
        }

        if (article.TryGetProperty("author", out JsonElement author))
        {
            ReadAuthors(author);
        }

        if (article.TryGetProperty("creator", out JsonElement creator) && Authors.Count == 0)
        {
            ReadAuthors(creator);
        }

        if (article.TryGetProperty("keywords", out JsonElement keywords))
        {
            ReadList(keywords, Keywords);
        }
    }

    private void ReadAuthors(JsonElement author)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                Authors.Add(Decode(author.GetString()!));
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in author.EnumerateArray())
                {
                    ReadAuthors(item);
                }

                break;
            case JsonValueKind.Object:
                string? name = PersonName(author);
                if (name is null)
                {
                    if (StringOf(author, "@id") is { } id && _authorIds.Count < 16)
                    {
                        _authorIds.Add(id);
                    }

                    break;
                }

                // An organization as "author" is the publisher speaking, not a byline.
                if (HasType(author, "Organization") || HasType(author, "NewsMediaOrganization"))
                {
                    Organizations.Add(name);
                }
                else
                {
                    Authors.Add(name);
                }

                break;
        }
    }

    // A profile shown by first name ("Nils") whose own description opens with the full name ("Nils Pickert ist freier
    // Autor …") gives that full name: the description is the same person's, not another page part.
    private static string? PersonName(JsonElement person)
    {
        string? name = StringOf(person, "name");
        if (name is null || name.Contains(' ', StringComparison.Ordinal) || StringOf(person, "description") is not { } description ||
            !description.StartsWith(name + " ", StringComparison.Ordinal))
        {
            return name;
        }

        var words = new List<string> { name };
        foreach (string word in description[(name.Length + 1)..].Split(' ', 4))
        {
            if (words.Count == 3 || word.Length < 2 || !char.IsUpper(word[0]) || !word.All(c => char.IsLetter(c) || c is '-' or '\''))
            {
                break;
            }

            words.Add(word);
        }

        return string.Join(' ', words);
    }

    private static void ReadList(JsonElement value, List<string> into)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            foreach (string part in Decode(value.GetString()!).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                into.Add(part);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    into.Add(Decode(item.GetString()!));
                }
            }
        }
    }

    // The creative works a page is about: articles, and the pages that carry their own author and date the same
    // way (a recipe, a how-to, a review, a forum thread's opening post).
    private static bool IsArticle(JsonElement element) => IsTextArticle(element) || IsOtherWork(element);

    private static bool IsTextArticle(JsonElement element) =>
        HasType(element, "NewsArticle") || HasType(element, "Article") || HasType(element, "ReportageNewsArticle") ||
        HasType(element, "AnalysisNewsArticle") || HasType(element, "OpinionNewsArticle") || HasType(element, "BlogPosting") ||
        HasType(element, "BackgroundNewsArticle") || HasType(element, "LiveBlogPosting") || HasType(element, "TechArticle") ||
        HasType(element, "ScholarlyArticle") || HasType(element, "Report");

    // A recipe's or a review's name is the thing it is about, not the page's headline.
    private static bool IsOtherWork(JsonElement element) =>
        HasType(element, "Recipe") || HasType(element, "HowTo") || HasType(element, "Review") ||
        HasType(element, "DiscussionForumPosting") || HasType(element, "SocialMediaPosting");

    private static bool HasType(JsonElement element, string type)
    {
        if (!element.TryGetProperty("@type", out JsonElement value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return IsType(value.GetString(), type);
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && IsType(item.GetString(), type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsType(string? value, string type) =>
        value is not null && (value.Equals(type, StringComparison.OrdinalIgnoreCase) ||
                              value.EndsWith("/" + type, StringComparison.OrdinalIgnoreCase) ||
                              value.EndsWith(":" + type, StringComparison.OrdinalIgnoreCase));

    private static string? StringOf(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(Decode(value.GetString()!)),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string? FirstString(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    return NullIfEmpty(Decode(item.GetString()!));
                }
            }

            return null;
        }

        return value.ValueKind == JsonValueKind.String ? NullIfEmpty(Decode(value.GetString()!)) : null;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // Some CMSs HTML-escape the strings inside JSON-LD ("&quot;Dân vận khéo&quot;").
    private static string Decode(string value) => value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;
}
