using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>A query read by <see cref="ArticleQueryParser"/>: the Lucene query and the terms to highlight.</summary>
public sealed class ParsedQuery
{
    internal ParsedQuery(Query query, IReadOnlySet<string> accentedTerms, IReadOnlySet<string> foldedTerms, IReadOnlyList<string> notices, bool hasTextClauses, IReadOnlyList<TitleTerm>? titleTerms = null)
    {
        TitleTerms = titleTerms ?? [];
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

    /// <summary>
    /// The positive single words whose match in the title raises a hit's relevance score (phrases carry their
    /// title boost in <see cref="Query"/>); <see cref="ArticleSearcher"/> applies it.
    /// </summary>
    public IReadOnlyList<TitleTerm> TitleTerms { get; }

    /// <summary>True when the query has free text or phrases to rank by (false for filters only or an empty query).</summary>
    public bool HasTextClauses { get; }
}

/// <summary>A query word to look for in the title: its folded term, and its accented term when that differs.</summary>
/// <param name="Folded">The folded term in the title field.</param>
/// <param name="Accented">The accented term in the title field, or null when the word has no diacritics.</param>
public sealed record TitleTerm(Lucene.Net.Index.Term Folded, Lucene.Net.Index.Term? Accented);
