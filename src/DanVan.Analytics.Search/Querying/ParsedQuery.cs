using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>A query read by <see cref="ArticleQueryParser"/>: the Lucene query and the terms to highlight.</summary>
public sealed class ParsedQuery
{
    internal ParsedQuery(Query query, IReadOnlySet<string> accentedTerms, IReadOnlySet<string> foldedTerms, IReadOnlyList<string> notices, bool hasTextClauses)
    {
        Query = query;
        AccentedTerms = accentedTerms;
        FoldedTerms = foldedTerms;
        Notices = notices;
        HasTextClauses = hasTextClauses;
    }

    /// <summary>The Lucene query.</summary>
    public Query Query { get; }

    /// <summary>The positive free-text and phrase terms in their accented (normalized, lower-case) form.</summary>
    public IReadOnlySet<string> AccentedTerms { get; }

    /// <summary>The same terms folded ("dân" → "dan").</summary>
    public IReadOnlySet<string> FoldedTerms { get; }

    /// <summary>Things the user should know, such as terms left out of a very long query.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>True when the query has free text or phrases to rank by (false for filters only or an empty query).</summary>
    public bool HasTextClauses { get; }
}
