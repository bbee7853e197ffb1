using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets;
using DanVan.Analytics.Datasets.Sources;

namespace DanVan.Benchmarks;

/// <summary>
/// <c>dataset-throughput [articles] [parallelism] [formats]</c>: end to end from an article JSONL file to a dataset in all three
/// formats (read, extract, tag, dedupe, split, write JSONL/CSV/Parquet/CoNLL, card, manifest), timed as one run, with the
/// process's working set sampled every 50 ms. Not a BenchmarkDotNet run: the unit of work is a whole file of 10⁴–10⁵
/// articles, and memory over the run is the point.
/// </summary>
internal static class DatasetThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        int parallelism = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var formats = args.Length > 3 ? DanVan.Analytics.Datasets.Tables.TableFormatNames.Parse(args[3]) : DanVan.Analytics.Datasets.Tables.TableFormats.All;
        string folder = Path.Combine(Path.GetTempPath(), "danvan-dataset-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            string input = Path.Combine(folder, "articles.jsonl");
            long bytes = WriteInput(input, count);
            if (args.Contains("--parts"))
            {
                Parts(input);
            }

            using AllocationSampler? allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
            GC.Collect();
            long before = Process.GetCurrentProcess().WorkingSet64;
            long peak = before;
            using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Process.GetCurrentProcess().WorkingSet64)), null, 0, 50);
            var writer = new DatasetWriter(new DatasetOptions { MaxDegreeOfParallelism = parallelism, Formats = formats });
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long allocatedBefore = GC.GetTotalAllocatedBytes();
            TimeSpan pauseBefore = GC.GetTotalPauseDuration();
            int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var watch = Stopwatch.StartNew();
            DatasetSummary summary = await writer.WriteAsync(DatasetArticle.ReadAsync(input), Path.Combine(folder, "out"));
            watch.Stop();
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            long outBytes = Directory.EnumerateFiles(Path.Combine(folder, "out"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"articles {summary.Articles:N0} ({bytes / (double)count / 1024:F1} KB each, {bytes / 1048576.0:F0} MB), parallelism {parallelism}, " +
                $"{watch.Elapsed.TotalSeconds:F1} s, {summary.Articles / watch.Elapsed.TotalSeconds:N0} articles/s; CPU {cpu:F1} s, " +
                $"{summary.Articles / cpu * Environment.ProcessorCount:N0} articles/s on {Environment.ProcessorCount} free cores; " +
                $"working set before {before / 1048576.0:F0} MB, peak {Interlocked.Read(ref peak) / 1048576.0:F0} MB, output {outBytes / 1048576.0:F0} MB, " +
                $"{summary.Duplicates:N0} near duplicates, {Environment.ProcessorCount} cores, load {LoadAverage()}; " +
                $"GC: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)summary.Articles / 1024:F0} KB allocated an article, " +
                $"collections {GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]} (gen 0/1/2), " +
                $"paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:F1} s, server GC {System.Runtime.GCSettings.IsServerGC}"));
            allocations?.Print(count);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Articles of real sentences (the benchmarks' synthetic generator): a title, a lead and a body of 6-16 sentences (about 5 KB, a typical news article),
    // written a thousand at a time so that making the input does not raise the run's memory.
    private static long WriteInput(string path, int count)
    {
        using (var writer = new StreamWriter(path))
        {
            for (int start = 0; start < count; start += 1000)
            {
                int n = Math.Min(1000, count - start);
                var a = SyntheticArticles.Generate(n, seed: start + 1);
                var b = SyntheticArticles.Generate(n, seed: start + 1_000_003);
                                for (int i = 0; i < n; i++)
                {
                    writer.WriteLine(new JsonObject
                    {
                        ["schema_version"] = ArticleRecord.CurrentSchemaVersion,
                        ["id"] = "bench-" + (start + i).ToString(CultureInfo.InvariantCulture),
                        ["url"] = a[i].Url.Replace("bai-", "bai-" + start.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal),
                        ["site"] = a[i].Site,
                        ["title"] = a[i].Title,
                        ["published"] = a[i].Published?.ToString("O", CultureInfo.InvariantCulture),
                        ["lead"] = b[i].Title,
                        ["body"] = a[i].Body,
                    }.ToJsonString());
                }
            }
        }

        return new FileInfo(path).Length;
    }

    // CPU per stage over the same texts, one thread, after a warm-up: where the time of a run goes.
    private static void Parts(string input)
    {
        var texts = File.ReadLines(input).Select(l => ArticleRecordJson.Deserialize(l).ComposeText()).ToList();
        void Time(string name, Action<string> stage)
        {
            foreach (string t in texts.Take(200))
            {
                stage(t);
            }

            TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (string t in texts)
            {
                stage(t);
            }

            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {cpu * 1000 / texts.Count:F2} ms CPU an article"));
        }

        Time("extract", t => DanVan.Analytics.Extraction.ArticleExtractor.Default.Extract(t));
        var facts = DanVan.Analytics.Extraction.ArticleExtractor.Default.Extract(texts[0]);
        Time("tag", t => DanVan.Analytics.Datasets.Ner.IobTagger.Tag(t, [], (_, _, _) => { }));
        Time("minhash", t => DanVan.Analytics.Datasets.Dedupe.NearDuplicateIndex.Signature(t));
        Time("sha256", t => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(t)));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
