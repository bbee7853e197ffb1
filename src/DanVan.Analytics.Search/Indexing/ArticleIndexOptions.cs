using DanVan.Analytics.Classification;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>How <see cref="ArticleIndex.OpenOrCreate(string, ArticleIndexOptions?)"/> opens an index for writing.</summary>
public sealed record ArticleIndexOptions
{
    /// <summary>Finds the facts of each article as it is added (for example <see cref="ExtractedArticleFacts"/>); null keeps the facts the articles carry.</summary>
    public IArticleFactsProvider? Facts { get; init; }

    /// <summary>
    /// Classifies each article as it is added (relevant or not, and its topic), so that <c>relevant:yes</c>,
    /// <c>topic:</c> and the topic facet work; null keeps the classification the articles carry (usually none).
    /// </summary>
    public IArticleClassifier? Classifier { get; init; }

    /// <summary>
    /// Opens a non-empty folder that is not an index anyway. Off by default: Lucene deletes files whose names look like
    /// its own (<c>_config.yml</c>), so a folder is only used when it is empty, absent, or already an index.
    /// </summary>
    public bool AllowForeignFiles { get; init; }

    /// <summary>Where the index logs what it does (opened, adopted, commits); nothing is logged when null.</summary>
    public ILogger? Logger { get; init; }
}

/// <summary>How far a long indexing run has come.</summary>
/// <param name="Added">The articles added or updated so far in this run.</param>
/// <param name="Committed">How many of them are committed (durable).</param>
/// <param name="Elapsed">The time since the run started.</param>
public sealed record IndexProgress(long Added, long Committed, TimeSpan Elapsed);

/// <summary>The outcome of <see cref="ArticleIndex.AddAllAsync"/>.</summary>
/// <param name="Added">The articles added or updated in this run (all committed).</param>
/// <param name="Count">The articles in the index after the run.</param>
/// <param name="Elapsed">The time the run took.</param>
public sealed record IndexRunSummary(long Added, int Count, TimeSpan Elapsed);
