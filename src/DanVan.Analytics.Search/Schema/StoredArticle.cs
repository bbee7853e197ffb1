using System.Globalization;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Documents;

namespace DanVan.Analytics.Search.Schema;

/// <summary>An article as its stored fields give it back: what a hit shows (the index writes these fields when it adds an article).</summary>
internal sealed record StoredArticle
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public string? CanonicalUrl { get; init; }

    /// <summary>The site as the article named it (its case kept); the site key for indexes written before the display form was stored.</summary>
    public string? Site { get; init; }

    public required string Title { get; init; }

    public required string Lead { get; init; }

    /// <summary>The searchable text: the lead, then the body (see <c>ArticleDocumentMapper.Content</c>).</summary>
    public required string Body { get; init; }

    /// <summary>Where the article's own body starts in <see cref="Body"/>; null in indexes written before it was stored.</summary>
    public int? BodyStart { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<string> DocumentCodes { get; init; }

    public required IReadOnlyList<string> Officials { get; init; }

    public required IReadOnlyList<int> ModelCounts { get; init; }

    /// <summary>True or false when the article was classified, else null.</summary>
    public bool? Relevant { get; init; }

    public double? RelevanceScore { get; init; }

    public string? Topic { get; init; }

    public double? TopicScore { get; init; }

    /// <summary>The key the index updates by: the canonical URL when present, else the URL.</summary>
    public string Key => string.IsNullOrWhiteSpace(CanonicalUrl) ? Url : CanonicalUrl;

    /// <summary>The article's own body, without the lead that <see cref="Body"/> starts with.</summary>
    public string ArticleBody()
    {
        if (BodyStart is { } start)
        {
            return Body[Math.Min(start, Body.Length)..];
        }

        // Written before the start was stored: the lead was put before the body with a blank line between.
        return Lead.Length == 0 || !Body.StartsWith(Lead, StringComparison.Ordinal) ? Body
            : Body.Length == Lead.Length ? ""
            : Body.AsSpan(Lead.Length).StartsWith("\n\n", StringComparison.Ordinal) ? Body[(Lead.Length + 2)..]
            : Body;
    }

    /// <summary>The stored article as the index was given it.</summary>
    public ArticleDocument ToDocument() => new()
    {
        Id = Id,
        Url = Url,
        CanonicalUrl = CanonicalUrl,
        Site = Site,
        Title = Title,
        Lead = Lead,
        Body = ArticleBody(),
        Published = Published,
        Authors = Authors,
        DocumentCodes = DocumentCodes,
        Officials = Officials,
        ModelCounts = ModelCounts,
        Classification = Relevant is { } relevant ? new ArticleClassification(relevant, RelevanceScore ?? 0, Topic, TopicScore) : null,
    };

    public static StoredArticle Read(Document stored)
    {
        string? publishedText = stored.Get(ArticleFields.Published);
        DateTimeOffset? published = publishedText is null
            ? null
            : DateTimeOffset.Parse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new StoredArticle
        {
            Id = stored.Get(ArticleFields.Id) ?? "",
            Url = stored.Get(ArticleFields.Url) ?? "",
            CanonicalUrl = stored.Get(ArticleFields.CanonicalUrl),
            Site = stored.Get(ArticleFields.SiteName) ?? stored.Get(ArticleFields.Site),
            Title = stored.Get(ArticleFields.Title) ?? "",
            Lead = stored.Get(ArticleFields.Lead) ?? "",
            Body = stored.Get(ArticleFields.Body) ?? "",
            BodyStart = stored.GetField(ArticleFields.BodyStart)?.GetInt32Value(),
            Published = published,
            Authors = stored.GetValues(ArticleFields.Author),
            DocumentCodes = stored.GetValues(ArticleFields.DocumentCode),
            Officials = stored.GetValues(ArticleFields.OfficialName),
            ModelCounts = stored.GetFields(ArticleFields.ModelCount).Select(f => f.GetInt32Value() ?? 0).ToArray(),
            Relevant = stored.Get(ArticleFields.Relevant) is { } relevant ? relevant == SearchKeys.Relevant(true) : null,
            RelevanceScore = stored.GetField(ArticleFields.RelevanceScore)?.GetDoubleValue(),
            Topic = stored.Get(ArticleFields.Topic),
            TopicScore = stored.GetField(ArticleFields.TopicScore)?.GetDoubleValue(),
        };
    }
}
