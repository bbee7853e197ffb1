using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>Turns an <see cref="ArticleDocument"/> into Lucene fields and stored fields back into hit data.</summary>
internal static class ArticleDocumentMapper
{
    /// <summary>The searchable text of the body: the lead, then the body (the lead once, when the body repeats it).</summary>
    public static string Content(ArticleDocument article)
    {
        string lead = article.Lead.Trim();
        string body = article.Body;
        if (lead.Length == 0 || body.TrimStart().StartsWith(lead, StringComparison.Ordinal))
        {
            return body;
        }

        return body.Length == 0 ? lead : lead + "\n\n" + body;
    }

    public static Document ToDocument(ArticleDocument article)
    {
        var doc = new Document
        {
            new StringField(ArticleFields.Key, article.Key, Field.Store.YES),
            new StoredField(ArticleFields.Id, article.Id),
            new StoredField(ArticleFields.Url, article.Url),
        };
        if (!string.IsNullOrWhiteSpace(article.CanonicalUrl))
        {
            doc.Add(new StoredField(ArticleFields.CanonicalUrl, article.CanonicalUrl));
        }

        string site = SearchKeys.Site(string.IsNullOrWhiteSpace(article.Site) ? article.Url : article.Site);
        if (site.Length > 0)
        {
            doc.Add(new StringField(ArticleFields.Site, site, Field.Store.YES));
            doc.Add(new SortedDocValuesField(ArticleFields.Site, new BytesRef(site)));
        }

        // Every text field holds both forms of each word at one position (accented, then folded). The body
        // fields index the title too, as a separate value so that no phrase spans the two: a query term then
        // needs one required clause on the body, and the title only adds to the score.
        doc.Add(new TextField(ArticleFields.Title, article.Title, Field.Store.YES));
        string content = Content(article);
        doc.Add(new StoredField(ArticleFields.Body, content));
        doc.Add(new TextField(ArticleFields.Body, article.Title, Field.Store.NO));
        doc.Add(new TextField(ArticleFields.Body, content, Field.Store.NO));
        if (article.Lead.Length > 0)
        {
            doc.Add(new StoredField(ArticleFields.Lead, article.Lead));
        }

        if (article.Published is { } published)
        {
            doc.Add(new StoredField(ArticleFields.Published, published.ToString("O", CultureInfo.InvariantCulture)));
            doc.Add(new NumericDocValuesField(ArticleFields.PublishedTicks, published.UtcTicks));
            int day = SearchKeys.Day(published);
            doc.Add(new Int32Field(ArticleFields.Day, day, Field.Store.NO));
            doc.Add(new NumericDocValuesField(ArticleFields.Day, day));
        }
        else
        {
            // Articles without a date sort last when sorting by date.
            doc.Add(new NumericDocValuesField(ArticleFields.PublishedTicks, long.MinValue));
        }

        foreach (string author in article.Authors)
        {
            doc.Add(new StoredField(ArticleFields.Author, author));
        }

        foreach (string code in article.DocumentCodes.Select(SearchKeys.DocumentCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(ArticleFields.DocumentCode, code, Field.Store.YES));
            doc.Add(new StringField(ArticleFields.DocumentCodeFolded, SearchKeys.DocumentCodeFolded(code), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(ArticleFields.DocumentCode, new BytesRef(code)));
        }

        foreach (string name in article.Officials.Select(SearchKeys.OfficialDisplay).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(ArticleFields.Official, SearchKeys.Official(name), Field.Store.NO));
            doc.Add(new StringField(ArticleFields.OfficialFolded, SearchKeys.OfficialFolded(name), Field.Store.NO));
            doc.Add(new StoredField(ArticleFields.OfficialName, name));
            doc.Add(new SortedSetDocValuesField(ArticleFields.OfficialName, new BytesRef(name)));
        }

        foreach (int count in article.ModelCounts)
        {
            doc.Add(new StoredField(ArticleFields.ModelCount, count));
        }

        return doc;
    }

    public static ArticleDocument FromStored(Document stored)
    {
        string? publishedText = stored.Get(ArticleFields.Published);
        DateTimeOffset? published = publishedText is null
            ? null
            : DateTimeOffset.Parse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new ArticleDocument
        {
            Id = stored.Get(ArticleFields.Id) ?? "",
            Url = stored.Get(ArticleFields.Url) ?? "",
            CanonicalUrl = stored.Get(ArticleFields.CanonicalUrl),
            Site = stored.Get(ArticleFields.Site),
            Title = stored.Get(ArticleFields.Title) ?? "",
            Lead = stored.Get(ArticleFields.Lead) ?? "",
            Body = stored.Get(ArticleFields.Body) ?? "",
            Published = published,
            Authors = stored.GetValues(ArticleFields.Author),
            DocumentCodes = stored.GetValues(ArticleFields.DocumentCode),
            Officials = stored.GetValues(ArticleFields.OfficialName),
            ModelCounts = stored.GetFields(ArticleFields.ModelCount).Select(f => f.GetInt32Value() ?? 0).ToArray(),
        };
    }
}
