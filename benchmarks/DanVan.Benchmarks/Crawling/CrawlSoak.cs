using System.Diagnostics;
using System.Globalization;
using DanVan.Analytics.Crawling;
using DanVan.Analytics.Crawling.Output;

namespace DanVan.Benchmarks.Crawling;

/// <summary>
/// The crawl soak: crawls a generated N-page site on a local server with politeness off (no delay, 8 requests at
/// once to the one host), parsing every page into an article and archiving everything as WARC, and reports pages
/// per second and the process's peak working set, sampled every second. Not a BenchmarkDotNet benchmark: its
/// subject is a whole crawl's throughput and the flatness of its memory over 100,000 pages.
/// Run: dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- crawl-soak [pages]
/// </summary>
internal static class CrawlSoak
{
    public static async Task<int> RunAsync(string[] args)
    {
        int pages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        string work = Path.Combine(Path.GetTempPath(), "danvan-crawl-soak-" + Guid.NewGuid().ToString("N")[..8]);
        var seeds = System.IO.Directory.EnumerateFiles(Path.Combine(BenchmarkCorpus.Directory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        using var server = new GeneratedSiteServer(pages, seeds);
        var samples = new List<(double Seconds, long Fetched, long WorkingSet, long Heap)>();
        var clock = Stopwatch.StartNew();
        long fetched = 0;
        try
        {
            using var output = new JsonlArticleOutput(Path.Combine(work, "articles.jsonl"));
            var options = new CrawlerOptions
            {
                Seeds = [server.BaseUrl.AbsoluteUri],
                StateDirectory = Path.Combine(work, "state"),
                Delay = TimeSpan.Zero,
                MaxConcurrency = 8,
                MaxConcurrencyPerHost = 8,
                Scope = new() { MaxDepth = 1000 },
                MinArticleCharacters = 100,
                Progress = new Progress<CrawlProgress>(p => Interlocked.Exchange(ref fetched, p.Fetched)),
                ProgressInterval = TimeSpan.FromSeconds(1),
            };
            using var sampling = new Timer(_ =>
            {
                using var self = Process.GetCurrentProcess();
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, Interlocked.Read(ref fetched), self.WorkingSet64, GC.GetTotalMemory(false)));
                }
            }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            CrawlSummary summary = await new Crawler(options, output).RunAsync();
            await sampling.DisposeAsync();

            double seconds = summary.Elapsed.TotalSeconds;
            long peak = samples.Max(s => s.WorkingSet);
            Console.WriteLine($"crawl-soak: {pages} generated pages, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine($"fetched {summary.Fetched} pages, {summary.Emitted} articles, {summary.Errors} errors in {seconds:0.0} s = {summary.Fetched / seconds:0} pages/s");
            Console.WriteLine($"peak working set {peak / 1024.0 / 1024.0:0} MB; server requests {server.Requests}");
            Console.WriteLine("working set by tenth of the run (MB): " + string.Join(" ", Tenths(samples).Select(s => (s.WorkingSet / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture))));
            Console.WriteLine("managed heap by tenth of the run (MB): " + string.Join(" ", Tenths(samples).Select(s => (s.Heap / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture))));
            return summary.Fetched >= pages ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static IEnumerable<(double Seconds, long Fetched, long WorkingSet, long Heap)> Tenths(List<(double Seconds, long Fetched, long WorkingSet, long Heap)> samples)
    {
        for (int k = 1; k <= 10; k++)
        {
            yield return samples[Math.Min(samples.Count - 1, (samples.Count * k / 10) - (k == 10 ? 1 : 0))];
        }
    }
}
