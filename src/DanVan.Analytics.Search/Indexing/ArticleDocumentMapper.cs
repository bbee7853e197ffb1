using System.Globalization;
using Lucene.Net.Documents;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>The searchable content of an article, and stored fields back into hit data (<see cref="ArticleDocumentBuilder"/> writes them).</summary>
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
