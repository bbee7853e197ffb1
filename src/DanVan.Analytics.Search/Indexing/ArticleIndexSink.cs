using DanVan.Analytics.Pipeline;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// The pipeline's index stage: adds each article to an <see cref="ArticleIndex"/> (mapped by
/// <see cref="ArticleDocuments.ToDocument"/>, with the facts the pipeline extracted, so that the text is not
/// extracted twice: open the index without <see cref="ArticleIndexOptions.Facts"/>), commits every
/// <see cref="CommitEvery"/> articles and at the end. The index stays the caller's.
/// </summary>
public sealed class ArticleIndexSink : IArticleSink
{
    private readonly ArticleIndex _index;
    private readonly IArticleFactsProvider? _facts;
    private long _sinceCommit;
    private long _added;
    private long _committed;

    /// <summary>Creates the sink.</summary>
    /// <param name="index">The index, opened for writing.</param>
    /// <param name="commitEvery">Commit after this many articles, so that a crash loses at most that many; 0: at the end only.</param>
    /// <param name="facts">Finds facts for articles the pipeline did not extract; such articles go in without facts when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="commitEvery"/> is negative.</exception>
    public ArticleIndexSink(ArticleIndex index, int commitEvery = 10_000, IArticleFactsProvider? facts = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(commitEvery);
        _index = index;
        _facts = facts;
        CommitEvery = commitEvery;
    }

    /// <summary>Articles between two commits (0: commit at the end only).</summary>
    public int CommitEvery { get; }

    /// <inheritdoc />
    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArticleDocument document = article.Record.ToDocument();
        if (article.Facts is { } found)
        {
            document = document.WithFacts(ExtractedArticleFacts.ToFacts(document, found));
        }
        else if (_facts is not null)
        {
            document = document.WithFacts(_facts.GetFacts(document));
        }

        _index.AddOrUpdate(document);
        Interlocked.Increment(ref _added);
        if (CommitEvery > 0 && ++_sinceCommit >= CommitEvery)
        {
            Commit();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Commit();
        return ValueTask.CompletedTask;
    }

    /// <summary>The number of articles added so far; safe to read from another thread (a progress line).</summary>
    public long Added => Interlocked.Read(ref _added);

    /// <summary>The number of articles added and committed so far (a crash keeps these); safe to read from another thread.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    private void Commit()
    {
        _index.Commit();
        _sinceCommit = 0;
        Interlocked.Exchange(ref _committed, Interlocked.Read(ref _added));
    }
}
