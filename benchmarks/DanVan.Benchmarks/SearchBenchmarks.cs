using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace DanVan.Benchmarks;

/// <summary>
/// Search latency on an index of the synthetic corpus: every iteration runs ONE query (the next of 1,000
/// distinct 1–3 syllable queries, half typed without diacritics), so the percentile columns are per-query latencies.
/// </summary>
/// <remarks>
/// The index is built once per article count in the temp folder and reused by later runs. The rows through
/// <see cref="ArticleIndex.Search(SearchRequest)"/> use the default threads per search
/// (<see cref="ArticleSearcher.DefaultMaxDegreeOfParallelism"/>); the <c>OneThread</c> row runs the same search on
/// the calling thread alone, on its own reader of the same index.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PerQueryConfig))]
public class SearchBenchmarks
{
    private ArticleIndex? _index;
    private FSDirectory? _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private readonly ArticleSearcher _oneThread = new(maxDegreeOfParallelism: 1);
    private List<string> _queries = [];
    private int _next;

    /// <summary>The number of articles (env DANVAN_BENCH_ARTICLES, default 100,000).</summary>
    [ParamsSource(nameof(ArticleCounts))]
    public int ArticleCount { get; set; }

    public static IEnumerable<int> ArticleCounts() => SyntheticArticles.Counts();

    [GlobalSetup]
    public void Setup()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"danvan-bench-search-v6-{ArticleCount}");
        bool ready = false;
        if (System.IO.Directory.Exists(folder))
        {
            try
            {
                using ArticleIndex existing = ArticleIndex.OpenReadOnly(folder);
                ready = existing.Count == ArticleCount;
            }
            catch (ArticleIndexException)
            {
                ready = false;
            }
        }

        if (!ready)
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }

            using ArticleIndex writer = ArticleIndex.OpenOrCreate(folder);
            Parallel.ForEach(SyntheticArticles.Generate(ArticleCount), new ParallelOptions { MaxDegreeOfParallelism = 2 }, writer.AddOrUpdate);
            writer.Commit();
        }

        _index = ArticleIndex.OpenReadOnly(folder);
        _directory = FSDirectory.Open(folder);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        _queries = SyntheticArticles.Queries(1000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index?.Dispose();
        _reader?.Dispose();
        _directory?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Search_Top10()
    {
        string query = _queries[_next++ % _queries.Count];
        return _index!.Search(new SearchRequest(query) { Top = 10 }).TotalHits;
    }

    [Benchmark]
    public int Search_Top10_WithFacets()
    {
        string query = _queries[_next++ % _queries.Count];
        return _index!.Search(new SearchRequest(query) { Top = 10, IncludeFacets = true }).TotalHits;
    }

    [Benchmark]
    public int Search_Top10_WithFacets_OneThread()
    {
        string query = _queries[_next++ % _queries.Count];
        return _oneThread.Search(_searcher!, new SearchRequest(query) { Top = 10, IncludeFacets = true }).TotalHits;
    }

    /// <summary>One query per iteration, 1,000 iterations: the statistics are over single queries.</summary>
    private sealed class PerQueryConfig : ManualConfig
    {
        public PerQueryConfig()
        {
            AddJob(Job.Default.WithId("PerQuery").WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(50).WithIterationCount(1000).WithLaunchCount(1));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }

    /// <summary>A percentile of the measurements (BenchmarkDotNet's built-in columns stop at P95).</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"Percentile {percentile} of the single-query times";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null ? "NA" : $"{statistics.Percentiles.Percentile(percentile) / 1_000_000.0:0.000} ms";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
