namespace DanVan.Analytics.Search.Schema;

/// <summary>The index's field names, in one place.</summary>
internal static class ArticleFields
{
    public const string Key = "key";
    public const string Id = "id";
    public const string Url = "url";
    public const string CanonicalUrl = "canonical_url";
    /// <summary>The site's key (lower case, no "www."): filters and facet counts.</summary>
    public const string Site = "site";

    /// <summary>The site as the article named it (case kept): what hits and facets show.</summary>
    public const string SiteName = "site_name";
    public const string Title = "title";
    public const string Lead = "lead";
    public const string Body = "body";

    /// <summary>Where the article's own body starts in the stored body field (which holds the lead, then the body); absent in indexes written before it was stored.</summary>
    public const string BodyStart = "body_start";
    public const string Published = "published";
    public const string PublishedTicks = "published_ticks";
    public const string Day = "day";
    public const string Author = "author";
    public const string DocumentCode = "doc";
    public const string DocumentCodeFolded = "doc_folded";
    public const string Official = "official";
    public const string OfficialFolded = "official_folded";
    public const string OfficialName = "official_name";
    public const string ModelCount = "model_count";

    /// <summary>"yes" or "no": what the classifier said; absent when the article was not classified.</summary>
    public const string Relevant = "relevant";
    public const string RelevanceScore = "relevance_score";

    /// <summary>The topic key (lower case, words joined by '_'), only for relevant articles: filters and facet counts.</summary>
    public const string Topic = "topic";
    public const string TopicScore = "topic_score";
    // The name carries the signature's format (its hash function): an index written with another one has no field of
    // this name, so its hits lose the accent boost instead of matching keys that mean something else.
    public const string Accents = "accents.v1";
}
