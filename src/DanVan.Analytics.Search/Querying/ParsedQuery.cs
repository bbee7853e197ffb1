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

    /// <summary>The accent preferences of words and phrases and the title preferences of single words, applied by <see cref="ArticleSearcher"/> (phrases carry their title preference in <see cref="Query"/>).</summary>
    internal ScoreBoosts Boosts { get; }

    /// <summary>True when the query has free text or phrases to rank by (false for filters only or an empty query).</summary>
    public bool HasTextClauses { get; }
}


/// <summary>
/// A sign of a closer match whose presence in a hit adds <paramref name="Weight"/>/n to its score factor: a term
/// of the index (<see cref="Term"/>, such as a word in the title), or accented words (<see cref="AccentKeys"/>, all
/// present in the article's accent signature).
/// </summary>
/// <param name="Weight">Its weight.</param>
internal sealed record ScoreBoost(float Weight)
{
    /// <summary>The term to find, or null for an accent boost.</summary>
    public Lucene.Net.Index.Term? Term { get; init; }

    /// <summary>The accent keys that must all be in the hit's accent signature (when <see cref="Term"/> is null).</summary>
    public IReadOnlyList<uint> AccentKeys { get; init; } = [];
}

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

    /// <summary>The boosts to look up.</summary>
    public IReadOnlyList<ScoreBoost> Terms { get; }

    /// <summary>The number of words the terms come from.</summary>
    public int Words { get; }

    /// <summary>The largest factor a hit can get (all terms present).</summary>
    public float MaxFactor { get; }
}
