using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>A query read by <see cref="ArticleQueryParser"/>: the Lucene query and the terms to highlight.</summary>
public sealed class ParsedQuery
{
    internal ParsedQuery(Query query, IReadOnlySet<string> accentedTerms, IReadOnlySet<string> foldedTerms, IReadOnlyList<string> notices, bool hasTextClauses, ScoreBoosts? boosts = null)
    {
        Boosts = boosts ?? ScoreBoosts.None;
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

    /// <summary>The accent and title preferences of single words, applied by <see cref="ArticleSearcher"/> (phrases carry theirs in <see cref="Query"/>).</summary>
    internal ScoreBoosts Boosts { get; }

    /// <summary>True when the query has free text or phrases to rank by (false for filters only or an empty query).</summary>
    public bool HasTextClauses { get; }
}


/// <summary>A term whose presence in a hit adds <paramref name="Weight"/>/n to its score factor.</summary>
/// <param name="Term">The term (title or body field).</param>
/// <param name="Weight">Its weight.</param>
internal sealed record ScoreBoost(Lucene.Net.Index.Term Term, float Weight);

/// <summary>
/// The score factor of a hit: 1 + the sum of the weights of the <see cref="Terms"/> it contains / <see cref="Words"/>,
/// so that matching more of the query exactly (accents) and in the title ranks higher, whatever the query length.
/// </summary>
internal sealed class ScoreBoosts
{
    public static readonly ScoreBoosts None = new([], 0);

    public ScoreBoosts(IReadOnlyList<ScoreBoost> terms, int words)
    {
        Terms = terms;
        Words = words;
        MaxFactor = words == 0 ? 1f : 1f + (terms.Sum(t => t.Weight) / words);
    }

    /// <summary>The terms to look up.</summary>
    public IReadOnlyList<ScoreBoost> Terms { get; }

    /// <summary>The number of words the terms come from.</summary>
    public int Words { get; }

    /// <summary>The largest factor a hit can get (all terms present).</summary>
    public float MaxFactor { get; }
}
