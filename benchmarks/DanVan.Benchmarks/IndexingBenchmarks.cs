using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace DanVan.Benchmarks;

/// <summary>
/// Indexing the synthetic corpus on disk: the article index (title and body as folded terms plus the accent
/// signature of their accented words, keyword fields and doc values) against the same articles indexed once with
/// Lucene's StandardAnalyzer.
/// </summary>
/// <remarks>One invocation indexes every article and commits; divide <c>ArticleCount</c> by the mean for articles/s.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IndexingBenchmarks
{
    private List<ArticleDocument> _articles = [];
    private string _folder = "";

    /// <summary>The number of articles (env DANVAN_BENCH_ARTICLES, default 100,000).</summary>
    [ParamsSource(nameof(ArticleCounts))]
    public int ArticleCount { get; set; }

    public static IEnumerable<int> ArticleCounts() => SyntheticArticles.Counts();

    [GlobalSetup]
    public void Setup() => _articles = SyntheticArticles.Generate(ArticleCount);

    [IterationSetup]
    public void NewFolder() => _folder = Path.Combine(Path.GetTempPath(), "danvan-bench-indexing-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void DeleteFolder()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int StandardAnalyzer_OneForm() => IndexThreeFields(new StandardAnalyzer(LuceneVersion.LUCENE_48));

    /// <summary>
    /// The baseline's three fields and writer settings with our analyzer emitting both forms of every word as terms
    /// (<see cref="DiacriticForms.Both"/>, what the article index did before its accent signature): the cost of a
    /// second term per word.
    /// </summary>
    [Benchmark]
    public int VietnameseAnalyzer_TwoForms_SameFields() => IndexThreeFields(new VietnameseAnalyzer(DiacriticForms.Both));

    [Benchmark]
    public int ArticleIndex()
    {
        using ArticleIndex index = DanVan.Analytics.Search.Indexing.ArticleIndex.OpenOrCreate(_folder);
        foreach (ArticleDocument article in _articles)
        {
            index.AddOrUpdate(article);
        }

        index.Commit();
        return index.Count;
    }

    [Benchmark]
    public int ArticleIndex_TwoThreads()
    {
        using ArticleIndex index = DanVan.Analytics.Search.Indexing.ArticleIndex.OpenOrCreate(_folder);
        Parallel.ForEach(_articles, new ParallelOptions { MaxDegreeOfParallelism = 2 }, index.AddOrUpdate);
        index.Commit();
        return index.Count;
    }

    // Key, title and body, stored, as the baseline indexes them, with the given analyzer.
    private int IndexThreeFields(Analyzer analyzer)
    {
        using Analyzer owned = analyzer;
        using var directory = FSDirectory.Open(_folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 };
        using var writer = new IndexWriter(directory, config);
        foreach (ArticleDocument article in _articles)
        {
            var doc = new Document
            {
                new StringField("key", article.Key, Field.Store.YES),
                new TextField("title", article.Title, Field.Store.YES),
                new TextField("body", article.Body, Field.Store.YES),
            };
            writer.UpdateDocument(new Term("key", article.Key), doc);
        }

        writer.Commit();
        return writer.NumDocs;
    }
}
