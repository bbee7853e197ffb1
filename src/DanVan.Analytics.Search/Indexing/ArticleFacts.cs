namespace DanVan.Analytics.Search.Indexing;

/// <summary>The facts extraction found in one article, as plain data for the index.</summary>
/// <param name="DocumentCodes">Canonical document codes ("25-NQ/TW").</param>
/// <param name="Officials">Full names of officials.</param>
/// <param name="ModelCounts">Counts of "mô hình" (models).</param>
public sealed record ArticleFacts(IReadOnlyList<string> DocumentCodes, IReadOnlyList<string> Officials, IReadOnlyList<int> ModelCounts)
{
    /// <summary>No facts.</summary>
    public static ArticleFacts None { get; } = new([], [], []);
}

/// <summary>Finds the facts of an article while it is being indexed (the seam where the extraction stage plugs in).</summary>
public interface IArticleFactsProvider
{
    /// <summary>Returns the facts found in <paramref name="article"/>.</summary>
    ArticleFacts GetFacts(ArticleDocument article);
}
