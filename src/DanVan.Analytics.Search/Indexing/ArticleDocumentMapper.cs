
namespace DanVan.Analytics.Search.Indexing;

/// <summary>The searchable content of an article (<see cref="ArticleDocumentBuilder"/> writes it).</summary>
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
}
