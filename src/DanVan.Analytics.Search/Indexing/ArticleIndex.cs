using System.Collections.Concurrent;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
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
    private bool _disposed;

    private ArticleIndex(string path, LuceneDirectory directory, IndexWriter? writer, SearcherManager searchers)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
    }

    /// <summary>The index directory.</summary>
    public string Path { get; }

    /// <summary>True when the index was opened for searching only.</summary>
    public bool IsReadOnly => _writer is null;

    /// <summary>The number of articles visible to searches (after the last <see cref="Refresh"/> or commit).</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Opens the index at <paramref name="path"/> for writing, creating it when absent.</summary>
    /// <exception cref="ArticleIndexException">The index is locked by another writer, damaged, or the directory cannot be used.</exception>
    public static ArticleIndex OpenOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Open(path, readOnly: false);
    }

    /// <summary>Opens the existing index at <paramref name="path"/> for searching only; it does not take the write lock.</summary>
    /// <exception cref="ArticleIndexException">There is no index at the path, or it is damaged.</exception>
    public static ArticleIndex OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Open(path, readOnly: true);
    }

    /// <summary>
    /// The analyzer of the index's text fields: the folded form of each word (the accented forms are kept in a
    /// per-article accent signature, a binary doc value). The index analyses title and body
    /// itself; the writer takes the gap between the values of a field from this analyzer.
    /// </summary>
    public static Analyzer CreateAnalyzer() => new VietnameseAnalyzer(DiacriticForms.Folded);

    /// <summary>Adds <paramref name="article"/>, replacing any article with the same <see cref="ArticleDocument.Key"/>.</summary>
    /// <exception cref="ArticleIndexException">The index is read-only, or writing failed.</exception>
    public void AddOrUpdate(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);
        IndexWriter writer = Writer();

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

    /// <summary>Searches the index.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArticleIndexException">The index could not be read.</exception>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WithSearcher(searcher => _searcher.Search(searcher, request));
    }

    /// <summary>Searches the index for the <paramref name="top"/> best matches of <paramref name="query"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed.</exception>
    /// <exception cref="ArticleIndexException">The index could not be read.</exception>
    public SearchResults Search(string query, int top = 10) => Search(new SearchRequest(query) { Top = top });

    /// <summary>Commits pending changes (when writable) and releases the index.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        while (_builders.TryTake(out ArticleDocumentBuilder? builder))
        {
            builder.Dispose();
        }
    }

    private static ArticleIndex Open(string path, bool readOnly)
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
            directory = FSDirectory.Open(fullPath);
            SearcherManager searchers;
            if (readOnly)
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    throw new ArticleIndexException(ArticleIndexErrorReason.NotFound, $"There is no index at '{fullPath}'.");
                }

                searchers = new SearcherManager(directory, null);
            }
            else
            {
                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, CreateAnalyzer())
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    RAMBufferSizeMB = 64,
                };
                writer = new IndexWriter(directory, config);
                searchers = new SearcherManager(writer, true, null);
            }

            return new ArticleIndex(fullPath, directory, writer, searchers);
        }
        catch (Exception e) when (Translate(e, fullPath) is { } translated)
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

    /// <summary>The typed error for a Lucene or file-system failure, or null for anything else.</summary>
    private static ArticleIndexException? Translate(Exception e, string path) => e switch
    {
        ArticleIndexException known => known,
        LockObtainFailedException => new ArticleIndexException(ArticleIndexErrorReason.Locked, $"The index at '{path}' is locked by another writer (is another 'danvan index' running?).", e),
        CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException
            => new ArticleIndexException(ArticleIndexErrorReason.Corrupt, $"The index at '{path}' is damaged: {e.Message}", e),
        FileNotFoundException or DirectoryNotFoundException
            => new ArticleIndexException(ArticleIndexErrorReason.Corrupt, $"The index at '{path}' is missing a file: {e.Message}", e),
        IOException or UnauthorizedAccessException => new ArticleIndexException(ArticleIndexErrorReason.Io, $"The index at '{path}' could not be used: {e.Message}", e),
        _ => null,
    };

    private IndexWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
            return action();
        }
        catch (Exception e) when (e is not ArticleIndexException && Translate(e, Path) is { } translated)
        {
            throw translated;
        }
    }
}
