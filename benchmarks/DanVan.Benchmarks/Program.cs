using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- --filter '*'
// The crawl soak (a whole crawl of a generated site, not a BenchmarkDotNet run): -- crawl-soak [pages]
if (args.Length > 0 && args[0] == "crawl-soak")
{
    return await DanVan.Benchmarks.Crawling.CrawlSoak.RunAsync(args);
}

// Where indexing time goes, part by part (not a BenchmarkDotNet run): -- indexing-probe [articles] [rounds] [filter|filter]
if (args.Length > 0 && args[0] == "indexing-probe")
{
    return DanVan.Benchmarks.IndexingProbe.Run(args);
}

// The tokenization chain against Lucene's, in turns in one process (see TokenizationRatio): -- tokenization-ratio [rounds]
if (args.Length > 0 && args[0] == "tokenization-ratio")
{
    return DanVan.Benchmarks.TokenizationRatio.Run(args);
}

// A dataset end to end from article JSONL, with its memory (see DatasetThroughput): -- dataset-throughput [articles] [parallelism]
if (args.Length > 0 && args[0] == "dataset-throughput")
{
    return await DanVan.Benchmarks.DatasetThroughput.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
