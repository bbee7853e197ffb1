using System.Collections.Concurrent;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// An on-disk index of articles: add or update by canonical URL, delete, commit, and search with
/// near-real-time visibility of uncommitted changes. Searches may run on many threads at once.
/// </summary>
/// <remarks>
/// Only committed changes survive a crash; <see cref="Dispose"/> commits. Opening an index that another
/// writer holds, that is damaged, or that does not exist fails with an <see cref="ArticleIndexException"/>.
/// </remarks>
public sealed class ArticleIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private readonly ArticleSearcher _searcher = new();
    private readonly ConcurrentBag<ArticleDocumentBuilder> _builders = [];
    private readonly RecordingMergeScheduler? _merges;
    private readonly IArticleFactsProvider? _facts;
    private readonly IArticleClassifier? _classifier;
    private readonly ILogger _logger;
    private ArticleIndexException? _writeFailure;
    private bool _disposed;

    private ArticleIndex(string path, LuceneDirectory directory, IndexWriter? writer, SearcherManager searchers, ArticleIndexOptions options)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
        _merges = writer?.Config.MergeScheduler as RecordingMergeScheduler;
        _facts = options.Facts;
        _classifier = options.Classifier;
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <summary>The index directory.</summary>
    public string Path { get; }

    /// <summary>True when the index was opened for searching only.</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>The number of articles visible to searches (after the last <see cref="Refresh"/> or commit).</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>
    /// Opens the index at <paramref name="path"/> for writing, creating it when the folder is absent or empty. One writer
    /// at a time, across processes: the lock is an exclusive OS file lock, released when the holder ends or dies.
    /// </summary>
    /// <param name="path">The index folder.</param>
    /// <param name="options">Facts provider, logger, and whether a folder of other files may be used; defaults when null.</param>
    /// <exception cref="ArticleIndexException">
    /// The index is locked by another writer, damaged, the folder holds other files (<see cref="ArticleIndexErrorReason.NotAnIndex"/>),
    /// or it cannot be used.
    /// </exception>
    public static ArticleIndex OpenOrCreate(string path, ArticleIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Open(path, readOnly: false, options ?? new ArticleIndexOptions());
    }

    /// <summary>Opens the existing index at <paramref name="path"/> for searching only; it does not take the write lock.</summary>
    /// <exception cref="ArticleIndexException">There is no index at the path, or it is damaged.</exception>
    public static ArticleIndex OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Open(path, readOnly: true, new ArticleIndexOptions());
    }

    /// <summary>
    /// The analyzer of the index's text fields: the folded form of each word (the accented forms are kept in a
    /// per-article accent signature, a binary doc value). The index analyses title and body
    /// itself; the writer takes the gap between the values of a field from this analyzer.
    /// </summary>
    public static Analyzer CreateAnalyzer() => new VietnameseAnalyzer(DiacriticForms.Folded);

    /// <summary>
    /// Adds <paramref name="article"/>, replacing any article with the same <see cref="ArticleDocument.Key"/>; with a
    /// <see cref="ArticleIndexOptions.Facts"/> provider, the article's facts are found first, and with a
    /// <see cref="ArticleIndexOptions.Classifier"/> the article is classified (an article without text is left unclassified).
    /// </summary>
    /// <exception cref="ArticleIndexException">The index is read-only, or writing failed.</exception>
    public void AddOrUpdate(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);
        IndexWriter writer = Writer();
        if (_facts is not null)
        {
            article = article.WithFacts(_facts.GetFacts(article));
        }

        if (_classifier is not null && article.Classification is null)
        {
            string text = ArticleText.Compose(article.Title, article.Lead, article.Body);
            if (!string.IsNullOrWhiteSpace(text))
            {
                article = article with { Classification = _classifier.Classify(text) };
            }
        }

        // A builder serves one call at a time; concurrent calls take another one from the bag.
        if (!_builders.TryTake(out ArticleDocumentBuilder? builder))
        {
            builder = new ArticleDocumentBuilder();
        }

        try
        {
            Guard(() => writer.UpdateDocument(new Term(ArticleFields.Key, article.Key), builder.Build(article)));
        }
        finally
        {
            _builders.Add(builder);
        }
    }

    /// <summary>Deletes the article whose key (canonical URL, else URL) is <paramref name="key"/>.</summary>
    /// <exception cref="ArticleIndexException">The index is read-only, or writing failed.</exception>
    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        IndexWriter writer = Writer();
        Guard(() => writer.DeleteDocuments(new Term(ArticleFields.Key, key)));
    }

    /// <summary>Makes every change so far durable and visible to searches.</summary>
    /// <exception cref="ArticleIndexException">The index is read-only, or writing failed.</exception>
    public void Commit()
    {
        IndexWriter writer = Writer();
        Guard(() =>
        {
            writer.Commit();
            _searchers.MaybeRefreshBlocking();
        });
    }

    /// <summary>Makes the changes so far visible to searches without committing them (near-real-time), or picks up another writer's commits.</summary>
    public void Refresh()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Guard(_searchers.MaybeRefreshBlocking);
    }

    /// <summary>
    /// Adds every article of <paramref name="articles"/> (as <see cref="AddOrUpdate"/>), committing every
    /// <paramref name="commitEvery"/> articles and at the end, so that a crash loses at most that many.
    /// </summary>
    /// <param name="articles">The articles.</param>
    /// <param name="commitEvery">Commit after this many articles (0: at the end only).</param>
    /// <param name="progress">Told after each commit and every 256 articles.</param>
    /// <param name="cancellationToken">Stops the run between articles; what was committed stays, and <see cref="Dispose"/> commits the rest.</param>
    /// <exception cref="ArticleIndexException">The index is read-only, or writing failed (the last commit stays intact).</exception>
    /// <exception cref="OperationCanceledException">The run was canceled.</exception>
    public async Task<IndexRunSummary> AddAllAsync(IAsyncEnumerable<ArticleDocument> articles, int commitEvery = 10_000, IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfNegative(commitEvery);
        Writer();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long added = 0;
        long committed = 0;
        await foreach (ArticleDocument article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddOrUpdate(article);
            added++;
            if (commitEvery > 0 && added % commitEvery == 0)
            {
                Commit();
                committed = added;
                ArticleIndexLog.Committed(_logger, added, Path);
                progress?.Report(new IndexProgress(added, committed, clock.Elapsed));
            }
            else if (added % 256 == 0)
            {
                progress?.Report(new IndexProgress(added, committed, clock.Elapsed));
            }
        }

        Commit();
        progress?.Report(new IndexProgress(added, added, clock.Elapsed));
        var summary = new IndexRunSummary(added, Count, clock.Elapsed);
        ArticleIndexLog.RunFinished(_logger, added, Path, summary.Elapsed, summary.Count);
        return summary;
    }

    /// <summary>Searches the index.</summary>
    /// <param name="request">The search.</param>
    /// <param name="cancellationToken">Checked between index segments and between hits.</param>
    /// <exception cref="QuerySyntaxException">The query is malformed or too large.</exception>
    /// <exception cref="ArticleIndexException">The index could not be read.</exception>
    /// <exception cref="OperationCanceledException">The search was canceled.</exception>
    public SearchResults Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return WithSearcher(searcher => _searcher.Search(searcher, request, cancellationToken));
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new QuerySyntaxException($"The query has more clauses than the index accepts ({BooleanQuery.MaxClauseCount}); split it into smaller queries.", 0);
        }
    }

    /// <summary>
    /// Reads back, whole, every article that <paramref name="query"/> matches (every article when it is null or empty),
    /// in index order and without the <see cref="SearchRequest.MaxTop"/> limit of a search, as the index was given it:
    /// title, lead, body, URL, site, publication time, authors, the facts found and the classification when it was
    /// indexed (<see cref="ArticleDocuments.ToRecord"/> makes it a pipeline record again). Streams: one stored article at a time.
    /// </summary>
    /// <remarks>
    /// The view of the index is the one when the enumeration starts. Indexes written before the body's start was
    /// stored give the body back by removing the lead and the blank line after it from the stored text; the site is
    /// the name the article gave, or its host name.
    /// </remarks>
    /// <param name="query">The query, in the syntax of <see cref="Search(SearchRequest, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Checked between articles.</param>
    /// <exception cref="QuerySyntaxException">The query is malformed or too large.</exception>
    /// <exception cref="ArticleIndexException">The index could not be read.</exception>
    public IEnumerable<ArticleDocument> ReadArticles(string? query = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ParsedQuery parsed = _searcher.Parser.Parse(query ?? "");
        return ReadStored(parsed, cancellationToken);
    }

    private IEnumerable<ArticleDocument> ReadStored(ParsedQuery parsed, CancellationToken cancellationToken)
    {
        IndexSearcher searcher = Guard(_searchers.Acquire);
        try
        {
            var matches = new DocumentIdCollector();
            try
            {
                Guard(() => searcher.Search(parsed.Query, matches));
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                throw new QuerySyntaxException($"The query has more clauses than the index accepts ({BooleanQuery.MaxClauseCount}); split it into smaller queries.", 0);
            }

            foreach (int doc in matches.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Guard(() => StoredArticle.Read(searcher.Doc(doc)).ToDocument());
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Searches the index for the <paramref name="top"/> best matches of <paramref name="query"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArticleIndexException">The index could not be read.</exception>
    public SearchResults Search(string query, int top = 10) => Search(new SearchRequest(query) { Top = top });

    /// <summary>
    /// Commits pending changes (when writable) and releases the index and its lock. After a write failed (a full disk,
    /// say), the pending changes are rolled back instead: the index keeps its last commit.
    /// </summary>
    /// <exception cref="ArticleIndexException">The final commit failed; the index keeps its previous commit and is released.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArticleIndexException? failure = null;
        try
        {
            _searchers.Dispose();
            if (_writeFailure is not null)
            {
                _writer?.Rollback();
            }
            else
            {
                _writer?.Dispose();
                if (_merges?.TakeFailure() is { } mergeFailure)
                {
                    failure = ArticleIndexErrors.Translate(mergeFailure, Path);
                }
            }
        }
        catch (Exception e) when (ArticleIndexErrors.Translate(e, Path) is { } translated)
        {
            failure = translated;
            RollbackQuietly();
        }
        finally
        {
            _directory.Dispose();
            while (_builders.TryTake(out ArticleDocumentBuilder? builder))
            {
                builder.Dispose();
            }
        }

        if (failure is not null)
        {
            ArticleIndexLog.WriteFailed(_logger, Path, failure.Reason, failure);
            throw failure;
        }
    }

    private void RollbackQuietly()
    {
        try
        {
            _writer?.Rollback();
        }
        catch (Exception e) when (ArticleIndexErrors.Translate(e, Path) is not null || e is ObjectDisposedException)
        {
            // The writer is already closed or cannot write; its lock goes with the directory.
        }
    }

    private static ArticleIndex Open(string path, bool readOnly, ArticleIndexOptions options)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (readOnly && !System.IO.Directory.Exists(fullPath))
        {
            throw new ArticleIndexException(ArticleIndexErrorReason.NotFound, $"There is no index at '{fullPath}'.");
        }

        LuceneDirectory? directory = null;
        IndexWriter? writer = null;
        try
        {
            directory = FSDirectory.Open(fullPath, new ExclusiveFileLockFactory(fullPath));
            SearcherManager searchers;
            IndexFolder.State state = IndexFolder.State.Marked;
            if (readOnly)
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    throw new ArticleIndexException(ArticleIndexErrorReason.NotFound, $"There is no index at '{fullPath}'.");
                }

                IndexFolder.VerifyFooters(directory);
                searchers = new SearcherManager(directory, null);
            }
            else
            {
                state = IndexFolder.Check(fullPath, directory, options.AllowForeignFiles);
                if (state is IndexFolder.State.Marked or IndexFolder.State.Unmarked && DirectoryReader.IndexExists(directory))
                {
                    IndexFolder.VerifyFooters(directory);
                }

                if (state == IndexFolder.State.Foreign && options.Logger is { } logger)
                {
                    ArticleIndexLog.ForeignFolder(logger, fullPath);
                }

                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, CreateAnalyzer())
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    RAMBufferSizeMB = 64,
                    MergeScheduler = new RecordingMergeScheduler(),
                };
                writer = new IndexWriter(directory, config);
                IndexFolder.Mark(fullPath);
                searchers = new SearcherManager(writer, true, null);
            }

            var index = new ArticleIndex(fullPath, directory, writer, searchers, options);
            if (writer is not null)
            {
                ArticleIndexLog.Opened(index._logger, fullPath, state, writer.NumDocs);
            }

            return index;
        }
        catch (Exception e) when (ArticleIndexErrors.Translate(e, fullPath) is { } translated)
        {
            writer?.Dispose();
            directory?.Dispose();
            throw translated;
        }
        catch
        {
            writer?.Dispose();
            directory?.Dispose();
            throw;
        }
    }

    private IndexWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // A failed write may have closed Lucene's writer (a full disk during a flush): say what closed it, every time.
        if (_writeFailure is not null)
        {
            throw new ArticleIndexException(_writeFailure.Reason, _writeFailure.Message, _writeFailure);
        }

        return _writer ?? throw new ArticleIndexException(ArticleIndexErrorReason.ReadOnly, $"The index at '{Path}' was opened for searching only.");
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> search)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        IndexSearcher searcher = Guard(_searchers.Acquire);
        try
        {
            return Guard(() => search(searcher));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            T result = action();
            if (_merges?.TakeFailure() is { } mergeFailure)
            {
                throw mergeFailure;
            }

            return result;
        }
        catch (Exception e) when (e is not ArticleIndexException && ArticleIndexErrors.Translate(e, Path) is { } translated)
        {
            if (_writer is not null && translated.Reason is ArticleIndexErrorReason.DiskFull or ArticleIndexErrorReason.Io or ArticleIndexErrorReason.Corrupt)
            {
                _writeFailure ??= translated;
                ArticleIndexLog.WriteFailed(_logger, Path, translated.Reason, e);
            }

            throw translated;
        }
    }
}
